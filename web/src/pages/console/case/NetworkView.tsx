import { useTranslation } from 'react-i18next';
import { getNetwork, type Network } from '../../../api/networks.ts';
import { kindKey, platformKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { formatPercent, formatVnd } from '../../../portal/format.ts';
import { useApi } from '../../../portal/use-api.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { VerdictBadge } from './IndicatorsSection.tsx';
import { NetworkGraph } from './NetworkGraph.tsx';

/**
 * The network of linked identifiers around one indicator: a drawing (Cytoscape, lazy) and, for
 * everyone, a list of its figures, its members with verdicts and what each is named together with.
 */
export function NetworkView({ networkId, focusId }: { networkId: string; focusId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = useApi<Network>((signal) => getNetwork(networkId, signal), [networkId]);
  if (state.status === 'loading') return <p role="status">{t('console.common.loading')}</p>;
  if (state.status === 'failed') return <ProblemNotice error={state.error} />;
  const network = state.data;
  const byId = new Map(network.members.map((m) => [m.id, m]));
  const neighbours = (id: string) =>
    network.links
      .filter((l) => l.aId === id || l.bId === id)
      .map((l) => ({ member: byId.get(l.aId === id ? l.bId : l.aId), reports: l.reports }))
      .filter((n) => n.member !== undefined);
  return (
    <div className="network" data-testid="network">
      <p>
        {t('console.network.summary', { size: network.size, confirmed: formatPercent(network.confirmedShare, language), reports: network.reports, money: formatVnd(network.moneyLostVnd, language) })}
        {network.platforms.length > 0 && <> · {network.platforms.map((p) => t(platformKey(p))).join(', ')}</>}
      </p>
      <NetworkGraph network={network} focusId={focusId} />
      <ul className="network__members" aria-label={t('console.network.members')}>
        {network.members.map((m) => (
          <li key={m.id} className={m.id === focusId ? 'is-focus' : undefined}>
            <span className="badge">{t(kindKey(m.kind))}</span> {m.display} <VerdictBadge verdict={m.verdict} />
            {neighbours(m.id).length > 0 && (
              <span className="field__hint">
                {' '}
                {t('console.network.linkedTo')}: {neighbours(m.id).map((n) => `${n.member!.display} (${t('console.network.reports', { count: n.reports })})`).join('; ')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
