import { FRAUD_TYPES, isFraudType, type FraudType } from '../domain/fraud-types.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { countCategoryUsage, insertFraudCategory, listFraudCategoryRows, lockFraudCategory, updateFraudCategory, type FraudCategoryChange, type FraudCategoryRow } from '../store/taxonomy.ts';
import { auditActor, type Caller } from './caller.ts';
import { badRequest, notFound, type FieldError } from './errors.ts';

/** The category a report falls back to; the public must always be able to choose it. */
const FALLBACK_CATEGORY: FraudType = 'other';

export interface FraudCategory {
  code: FraudType;
  name: { vi: string; en: string };
  description: { vi: string; en: string };
  active: boolean;
  position: number;
  updatedAt: string | null;
}

export interface FraudCategoryPatch {
  nameVi?: string;
  nameEn?: string;
  descriptionVi?: string;
  descriptionEn?: string;
  active?: boolean;
  position?: number;
}

function view(row: FraudCategoryRow, code: FraudType): FraudCategory {
  return {
    code,
    name: { vi: row.nameVi, en: row.nameEn },
    description: { vi: row.descriptionVi, en: row.descriptionEn },
    active: row.active,
    position: row.position,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A code of FRAUD_TYPES without a row (one added to the code after the seed migration) still
 * shows, named by its code and placed last, until an administrator names it.
 */
function placeholderRow(code: FraudType): Omit<FraudCategoryRow, 'updatedAt'> {
  return { code, nameVi: code, nameEn: code, descriptionVi: '', descriptionEn: '', active: true, position: 9000 + FRAUD_TYPES.indexOf(code), updatedBy: null };
}

/** Every category in display order. Rows for codes the code base no longer knows are left out. */
export async function listTaxonomy(db: Db): Promise<FraudCategory[]> {
  const rows = new Map((await listFraudCategoryRows(db)).map((r) => [r.code, r]));
  const items = FRAUD_TYPES.map((code) => {
    const row = rows.get(code);
    return row ? view(row, code) : { ...view({ ...placeholderRow(code), updatedAt: new Date(0) }, code), updatedAt: null };
  });
  return items.sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
}

function checkPatch(patch: FraudCategoryPatch, code: FraudType): FraudCategoryChange {
  const errors: FieldError[] = [];
  const change: FraudCategoryChange = {};
  for (const field of ['nameVi', 'nameEn'] as const) {
    const value = patch[field];
    if (value === undefined) continue;
    const trimmed = value.trim();
    if (trimmed === '') errors.push({ field: `/${field}`, message: 'A name cannot be empty.' });
    else change[field] = trimmed;
  }
  for (const field of ['descriptionVi', 'descriptionEn'] as const) {
    if (patch[field] !== undefined) change[field] = patch[field].trim();
  }
  if (patch.active !== undefined) {
    if (!patch.active && code === FALLBACK_CATEGORY) errors.push({ field: '/active', message: `"${FALLBACK_CATEGORY}" is the category of last resort on the report form and stays active.` });
    else change.active = patch.active;
  }
  if (patch.position !== undefined) change.position = patch.position;
  if (errors.length) throw badRequest('The category was not changed.', errors);
  if (Object.keys(change).length === 0 && Object.keys(patch).length === 0) throw badRequest('Send at least one field to change.', [{ field: '/', message: 'Nothing to change.' }]);
  return change;
}

/**
 * Changes how one category is presented or whether the public may choose it; the code stays.
 * Only the fields that differ are written and audited (before/after of those fields).
 */
export async function changeCategory(db: Db, caller: Caller, code: string, patch: FraudCategoryPatch): Promise<FraudCategory> {
  if (!isFraudType(code)) throw notFound(`The category ${code}`);
  const change = checkPatch(patch, code);
  return db.transaction(async (tx) => {
    const current = (await lockFraudCategory(tx, code)) ?? (await insertFraudCategory(tx, placeholderRow(code)));
    const differing = Object.fromEntries(Object.entries(change).filter(([key, value]) => current[key as keyof FraudCategoryChange] !== value)) as FraudCategoryChange;
    const keys = Object.keys(differing) as (keyof FraudCategoryChange)[];
    if (keys.length === 0) return view(current, code);
    const actor = auditActor(caller);
    const row = await updateFraudCategory(tx, code, differing, caller.actor.type === 'user' ? caller.actor.userId : null);
    await appendAudit(tx, {
      ...actor,
      action: 'fraud_category.change',
      subjectType: 'fraud_category',
      subjectId: code,
      before: Object.fromEntries(keys.map((k) => [k, current[k]])),
      after: differing,
    });
    return view(row, code);
  });
}

export interface FraudCategoryUsage {
  code: FraudType;
  reports: number;
  cases: number;
  indicators: number;
}

/** Per category, how many reports, cases and indicators name it (zeros included). */
export async function taxonomyUsage(db: Db): Promise<FraudCategoryUsage[]> {
  const counts = new Map((await countCategoryUsage(db)).map((c) => [c.code, c]));
  return FRAUD_TYPES.map((code) => ({ code, reports: counts.get(code)?.reports ?? 0, cases: counts.get(code)?.cases ?? 0, indicators: counts.get(code)?.indicators ?? 0 }));
}
