import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../api/networks.ts';

const VERDICT_COLOURS: Record<string, string> = {
  confirmed: '#c8102e',
  suspected: '#8a5a00',
  disputed: '#8a5a00',
  cleared: '#1e6b3a',
};

/**
 * The network drawn with Cytoscape (loaded only when a network is opened): one node per member,
 * coloured by verdict, edges as thick as the reports naming both. The list beside it carries the
 * same facts for screen readers and keyboards; the drawing is a picture of it.
 */
export function NetworkGraph({ network, focusId, onNodeTap }: { network: Network; focusId: string; onNodeTap?: (memberId: string) => void }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const tap = useRef(onNodeTap);
  tap.current = onNodeTap;
  useEffect(() => {
    let destroyed = false;
    let destroy: (() => void) | null = null;
    import('cytoscape').then(
      ({ default: cytoscape }) => {
        if (destroyed || !container.current) return;
        const graph = cytoscape({
          container: container.current,
          elements: [
            ...network.members.map((m) => ({ data: { id: m.id, label: m.display.replace(/^https?:\/\/(www\.)?/, ''), colour: VERDICT_COLOURS[m.verdict] ?? '#4a5566', focus: m.id === focusId ? 1 : 0 } })),
            ...network.links.map((l) => ({ data: { id: `${l.aId}-${l.bId}`, source: l.aId, target: l.bId, weight: Math.min(8, 1 + l.reports) } })),
          ],
          style: [
            { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 11, color: '#17202c', 'text-valign': 'bottom', 'text-margin-y': 4, width: 18, height: 18 } },
            { selector: 'node[focus = 1]', style: { 'border-width': 4, 'border-color': '#1a5fb4', width: 26, height: 26 } },
            { selector: 'edge', style: { width: 'data(weight)', 'line-color': '#8c99ab', 'curve-style': 'bezier' } },
          ],
          layout: { name: network.members.length > 1 ? 'cose' : 'grid', animate: false, padding: 24 },
          maxZoom: 1.6,
          userZoomingEnabled: true,
          boxSelectionEnabled: false,
        });
        // A tap (mouse or touch) on a node expands the network from it; the list's buttons do the same by keyboard.
        graph.on('tap', 'node', (event) => tap.current?.(event.target.id()));
        destroy = () => graph.destroy();
      },
      () => setFailed(true),
    );
    return () => {
      destroyed = true;
      destroy?.();
    };
  }, [network, focusId]);
  if (failed) return null;
  return <div ref={container} className="network__graph" role="img" aria-label={t('console.network.graphLabel', { size: network.size })} data-testid="network-graph" />;
}
