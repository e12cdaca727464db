import { isFraudType } from '../domain/fraud-types.ts';
import type { Tlp } from '../domain/indicators/verdicts.ts';
import { tlpOfMarkingRef } from '../domain/stix/markings.ts';
import { identifierOfProperties } from '../domain/stix/observables.ts';
import { parsePattern } from '../domain/stix/pattern.ts';
import { validateStixObject } from '../domain/stix/validator.ts';
import type { Db } from '../store/connection.ts';
import { findPartnerTrust } from '../store/partner-trust.ts';
import { findTaxiiStatus, insertTaxiiStatus, type TaxiiStatusRow } from '../store/taxii-statuses.ts';
import { isAgencyStaff, type Caller } from './caller.ts';
import { AppError, badRequest, forbidden, notFound } from './errors.ts';
import type { IndicatorPolicy } from './indicators.ts';
import { partnerOf, pushOne, type PartnerPushItem } from './partner-pushes.ts';
import { findCollection } from './taxii.ts';

/**
 * TAXII "add objects": a partner posts an envelope of STIX objects to the `submissions`
 * collection. Indicators (with a STIX pattern naming one identifier) and the observables the
 * exchange keeps become partner pushes (suspected, or confirmed where the partner is trusted);
 * each object's outcome goes into a status resource, which the answer returns and
 * GET …/status/{id}/ serves again. Other object types are refused one by one, with a reason.
 */
export const MAX_OBJECTS = 1000;

export interface StatusDetail {
  id: string;
  version?: string;
  message?: string;
}

export function statusResource(row: TaxiiStatusRow) {
  const details = row.details as { successes: StatusDetail[]; failures: StatusDetail[]; pendings: StatusDetail[] };
  return {
    id: row.id,
    status: row.status,
    request_timestamp: row.requestTimestamp.toISOString(),
    total_count: row.totalCount,
    success_count: row.successCount,
    successes: details.successes,
    failure_count: row.failureCount,
    failures: details.failures,
    pending_count: row.pendingCount,
    pendings: details.pendings,
  };
}

function fraudTypeOf(o: Record<string, unknown>): string {
  const labels = Array.isArray(o.labels) ? (o.labels as unknown[]).filter((l): l is string => typeof l === 'string') : [];
  for (const l of labels) {
    const t = l.startsWith('fraud-type:') ? l.slice('fraud-type:'.length) : l;
    if (isFraudType(t)) return t;
  }
  return 'other';
}

function tlpOf(o: Record<string, unknown>): Tlp | undefined {
  const refs = Array.isArray(o.object_marking_refs) ? (o.object_marking_refs as string[]) : [];
  const order: Tlp[] = ['clear', 'green', 'amber', 'red'];
  const found = refs.map(tlpOfMarkingRef).filter((t): t is Tlp => Boolean(t));
  return found.length ? order[Math.max(...found.map((t) => order.indexOf(t)))] : undefined;
}

/** The one identifier an indicator's pattern names (`=` comparisons on one observable type). */
function identifierOfIndicator(o: Record<string, unknown>): { raw: string; kind: PartnerPushItem['kind'] } | string {
  if (typeof o.x_canhgiac_indicator === 'string') {
    const read = identifierOfProperties('', { x_canhgiac_indicator: o.x_canhgiac_indicator });
    if (read) return read;
  }
  if (o.pattern_type !== 'stix') return 'Only STIX patterns are read.';
  const parsed = parsePattern(String(o.pattern));
  if (!parsed.ok) return `The pattern is not valid: ${parsed.error}`;
  const equal = parsed.comparisons.filter((c) => c.operator === '=' && !c.negated && typeof c.value === 'string');
  const types = [...new Set(equal.map((c) => c.objectType))];
  if (types.length !== 1) return 'The pattern must name one identifier (equality comparisons on one observable type).';
  const props = Object.fromEntries(equal.map((c) => [c.path, c.value]));
  return identifierOfProperties(types[0]!, props) ?? `Observables of type ${types[0]} are not kept by the exchange.`;
}

export async function addObjects(db: Db, caller: Caller, collectionId: string, envelope: unknown, policy: IndicatorPolicy) {
  const collection = findCollection(collectionId);
  if (!collection.can_write) throw forbidden('This collection is read-only; add objects to the submissions collection.');
  const org = partnerOf(caller);
  const objects = (envelope as { objects?: unknown })?.objects;
  if (!Array.isArray(objects)) throw badRequest('The body is a TAXII envelope: { "objects": [ … ] }.', [{ field: '/objects', message: 'Required: a list.' }]);
  if (objects.length > MAX_OBJECTS) throw new AppError(413, 'too_many_objects', `At most ${MAX_OBJECTS} objects per request.`);
  const trust = await findPartnerTrust(db, org.organizationId);
  const successes: StatusDetail[] = [];
  const failures: StatusDetail[] = [];
  for (const [index, raw] of objects.entries()) {
    const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const ref: StatusDetail = { id: typeof o.id === 'string' ? o.id.slice(0, 300) : `objects[${index}]`, ...(typeof o.modified === 'string' ? { version: o.modified } : {}) };
    const problems = validateStixObject(o);
    if (problems.length) {
      failures.push({ ...ref, message: `Not a valid STIX 2.1 object: ${problems.map((p) => `${p.property} ${p.message}`).join('; ')}` });
      continue;
    }
    const read = o.type === 'indicator' ? identifierOfIndicator(o) : (identifierOfProperties(String(o.type), o) ?? `Objects of type ${String(o.type)} are not kept by the exchange; send indicators or observables.`);
    if (typeof read === 'string') {
      failures.push({ ...ref, message: read });
      continue;
    }
    try {
      const result = await pushOne(db, caller, org, trust, { identifier: read.raw, kind: read.kind, fraudType: fraudTypeOf(o), tlp: tlpOf(o), reference: ref.id }, '', undefined, policy);
      successes.push({ ...ref, message: `${result.indicator!.indicator}: ${result.outcome} (${result.indicator!.verdict})` });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failures.push({ ...ref, message: error.message });
    }
  }
  const row = await insertTaxiiStatus(db, {
    organizationId: org.organizationId,
    collectionId: collection.id,
    status: 'complete',
    totalCount: objects.length,
    successCount: successes.length,
    failureCount: failures.length,
    pendingCount: 0,
    details: { successes, failures, pendings: [] },
  });
  return statusResource(row);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A status resource, for the organization that posted it (or the agency). */
export async function getStatus(db: Db, caller: Caller, id: string) {
  const row = UUID.test(id) ? await findTaxiiStatus(db, id) : undefined;
  const a = caller.actor;
  const own = (a.type === 'api_key' || a.type === 'user') && row?.organizationId === a.organizationId;
  if (!row || !(own || isAgencyStaff(a))) throw notFound('The status');
  return statusResource(row);
}
