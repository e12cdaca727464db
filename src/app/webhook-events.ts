import { INDICATOR_VERDICT_TOPIC, INDICATOR_VERDICTS_TOPIC, type IndicatorVerdictChanged, type IndicatorVerdictsChanged } from '../domain/webhooks/events.ts';
import type { Verdict } from '../domain/indicators/verdicts.ts';
import type { Db } from '../store/connection.ts';
import type { IndicatorRow } from '../store/indicators.ts';
import { enqueue, enqueueWriteOnly } from '../store/outbox.ts';

/**
 * Records a verdict change for partners' webhooks, in the change's transaction. The message
 * names the indicator and its new state only: who reported it never leaves the agency.
 */
export async function enqueueVerdictChanged(tx: Db, row: IndicatorRow, fromVerdict: Verdict | null): Promise<void> {
  await enqueue(tx, INDICATOR_VERDICT_TOPIC, verdictChangedMessage(row, fromVerdict));
}

function verdictChangedMessage(row: IndicatorRow, fromVerdict: Verdict | null): IndicatorVerdictChanged {
  return {
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
}

/**
 * The same for many verdict changes at once (batch intake): one message carrying them all, in
 * order; each still becomes its own webhook event. Call it in the transaction that writes the
 * verdict changes.
 */
export async function enqueueVerdictsChanged(tx: Db, changes: readonly { row: IndicatorRow; fromVerdict: Verdict | null }[]): Promise<void> {
  if (changes.length === 0) return;
  const message: IndicatorVerdictsChanged = { changes: changes.map(({ row, fromVerdict }) => verdictChangedMessage(row, fromVerdict)) };
  await enqueueWriteOnly(tx, INDICATOR_VERDICTS_TOPIC, message);
}
