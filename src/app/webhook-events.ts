import { INDICATOR_VERDICT_TOPIC, type IndicatorVerdictChanged } from '../domain/webhooks/events.ts';
import type { Verdict } from '../domain/indicators/verdicts.ts';
import type { Db } from '../store/connection.ts';
import type { IndicatorRow } from '../store/indicators.ts';
import { enqueue } from '../store/outbox.ts';

/**
 * Records a verdict change for partners' webhooks, in the change's transaction. The message
 * names the indicator and its new state only: who reported it never leaves the agency.
 */
export async function enqueueVerdictChanged(tx: Db, row: IndicatorRow, fromVerdict: Verdict | null): Promise<void> {
  const message: IndicatorVerdictChanged = {
    indicatorId: row.id,
    indicator: row.indicator,
    kind: row.kind,
    display: row.display,
    fromVerdict,
    toVerdict: row.verdict,
    confidence: row.confidence,
    tlp: row.tlp,
    fraudTypes: row.fraudTypes,
    changedAt: row.updatedAt.toISOString(),
  };
  await enqueue(tx, INDICATOR_VERDICT_TOPIC, message);
}
