import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getNeighbourhood, getNetwork, NETWORK_MEMBER_LIMITS, type Network } from '../../../api/networks.ts';
import { kindKey, platformKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { formatPercent, formatVnd } from '../../../portal/format.ts';
import { useApi } from '../../../portal/use-api.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { VerdictBadge } from './IndicatorsSection.tsx';
import { NetworkGraph } from './NetworkGraph.tsx';
import './case-tools.css';

type Member = Network['members'][number];
type NetworkLink = Network['links'][number];

/** The members and links first loaded plus those added by expanding from nodes, without duplicates. */
function combine(network: Network, added: { members: Member[]; links: NetworkLink[] }): Network {
  const members = new Map(network.members.map((m) => [m.id, m]));
  for (const m of added.members) if (!members.has(m.id)) members.set(m.id, m);
  const links = new Map(network.links.map((l) => [`${l.aId}|${l.bId}`, l]));
  for (const l of added.links) if (!links.has(`${l.aId}|${l.bId}`)) links.set(`${l.aId}|${l.bId}`, l);
  return { ...network, members: [...members.values()], links: [...links.values()] };
}

/**
 * The network of linked identifiers around one indicator: a drawing (Cytoscape, lazy) and, for
 * everyone, a list of its figures, its members with verdicts and what each is named together with.
 * A large network shows its most reported members first: "Show more" loads up to 1000 (the API's
 * most), and "Expand" on a member (or a tap on its node) adds what it is linked to directly.
 */
export function NetworkView({ networkId, focusId }: { networkId: string; focusId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [limit, setLimit] = useState<number>(NETWORK_MEMBER_LIMITS[0]);
  const [added, setAdded] = useState<{ members: Member[]; links: NetworkLink[] }>({ members: [], links: [] });
  const [expanded, setExpanded] = useState<string[]>([]);
  const [expandError, setExpandError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const state = useApi<Network>((signal) => getNetwork(networkId, signal, limit), [networkId, limit]);
  const network = useMemo(() => (state.status === 'ready' ? combine(state.data, added) : null), [state, added]);
  if (state.status === 'failed') return <ProblemNotice error={state.error} />;
  if (!network) return <p role="status">{t('console.common.loading')}</p>;

  const byId = new Map(network.members.map((m) => [m.id, m]));
  const neighbours = (id: string) =>
    network.links
      .filter((l) => l.aId === id || l.bId === id)
      .map((l) => ({ member: byId.get(l.aId === id ? l.bId : l.aId), reports: l.reports }))
      .filter((n) => n.member !== undefined);
  const nextLimit = NETWORK_MEMBER_LIMITS.find((l) => l > limit);
  const shownAll = network.members.length >= network.size;

  const expand = async (member: Member) => {
    setExpandError(null);
    try {
      const around = await getNeighbourhood(network.id, member.id);
      const fresh = around.neighbours.filter((n) => !byId.has(n.id)).length;
      setAdded((old) => ({ members: [...old.members, ...around.neighbours], links: [...old.links, ...around.links] }));
      setExpanded((old) => [...old, member.id]);
      setAnnouncement(t('caseTools.network.expanded', { member: member.display, count: around.neighbours.length, fresh }));
    } catch (e) {
      setExpandError(e);
    }
  };

  return (
    <div className="network" data-testid="network">
      <p>
        {t('console.network.summary', { size: network.size, confirmed: formatPercent(network.confirmedShare, language), reports: network.reports, money: formatVnd(network.moneyLostVnd, language) })}
        {network.platforms.length > 0 && <> · {network.platforms.map((p) => t(platformKey(p))).join(', ')}</>}
      </p>
      <div className="network__controls">
        <span data-testid="network-shown">{t('caseTools.network.shown', { shown: network.members.length, size: network.size })}</span>
        {!shownAll && nextLimit !== undefined && (
          <button type="button" className="button button--secondary" onClick={() => setLimit(nextLimit)}>
            {t('caseTools.network.more', { count: Math.min(nextLimit, network.size) })}
          </button>
        )}
      </div>
      <p className="field__hint">{t('caseTools.network.tapHint')}</p>
      <NetworkGraph network={network} focusId={focusId} onNodeTap={(id) => { const m = byId.get(id); if (m && !expanded.includes(id)) void expand(m); }} />
      <ProblemNotice error={expandError} />
      <p className="visually-hidden" aria-live="polite" data-testid="network-announcement">{announcement}</p>
      <ul className="network__members" aria-label={t('console.network.members')}>
        {network.members.map((m) => (
          <li key={m.id} className={m.id === focusId ? 'is-focus' : undefined} data-member={m.indicator}>
            <span className="badge">{t(kindKey(m.kind))}</span> {m.display} <VerdictBadge verdict={m.verdict} />
            {neighbours(m.id).length > 0 && (
              <span className="field__hint">
                {' '}
                {t('console.network.linkedTo')}: {neighbours(m.id).map((n) => `${n.member!.display} (${t('console.network.reports', { count: n.reports })})`).join('; ')}
              </span>
            )}{' '}
            <button type="button" className="link-button" disabled={expanded.includes(m.id)} onClick={() => void expand(m)} aria-label={t('caseTools.network.expandLabel', { member: m.display })}>
              {expanded.includes(m.id) ? t('caseTools.network.expandedShort') : t('caseTools.network.expand')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
