import type { Db } from '../store/connection.ts';
import { countOrphanLinks, type OrphanCount } from '../store/orphan-links.ts';

export interface LinkCheck {
  /** How many child columns were checked. */
  columns: number;
  /** The columns with rows naming a parent that is not there; empty in a sound database. */
  missing: OrphanCount[];
}

/**
 * What the foreign keys the intake's link tables no longer carry would have guaranteed
 * (decision 0012): every row they name is there. `canhgiac check` and the intake's tests use it.
 */
export async function checkLinks(db: Db): Promise<LinkCheck> {
  const counts = await countOrphanLinks(db);
  return { columns: counts.length, missing: counts.filter((c) => c.rows > 0) };
}
