/**
 * The audit log's `action` filter: one action (`deadline_policy.set`) or a family of them
 * (`fraud_category.*`, every action whose name starts with `fraud_category.`).
 */
export type ActionFilter = { exact: string } | { prefix: string };

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** Total: any string gives a filter or null (not an action name), never a throw. */
export function parseActionFilter(input: string): ActionFilter | null {
  const text = input.trim();
  if (text.endsWith('.*')) {
    const family = text.slice(0, -2);
    return ACTION.test(family) ? { prefix: `${family}.` } : null;
  }
  return ACTION.test(text) ? { exact: text } : null;
}

/** Whether an action name is matched by the filter (what the SQL does, for tests and callers). */
export function actionMatches(filter: ActionFilter, action: string): boolean {
  return 'exact' in filter ? action === filter.exact : action.startsWith(filter.prefix);
}
