import type { ParseKeys } from 'i18next';
import type { Role } from '../api/auth.ts';

export type NavAudience = 'everyone' | 'signed-in';

export interface NavItem {
  to: string;
  labelKey: ParseKeys;
  audience: NavAudience;
  /** Match the path exactly (for `/`), not as a prefix. */
  end?: boolean;
  /** For `signed-in` items: only these roles see it (all signed-in users when absent). */
  roles?: readonly Role[];
}

// The public portal (issue 7) and the console (issue 8) add their entries here.
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home', audience: 'everyone', end: true },
  { to: '/report', labelKey: 'nav.report', audience: 'everyone' },
  { to: '/track', labelKey: 'nav.track', audience: 'everyone' },
  { to: '/library', labelKey: 'nav.library', audience: 'everyone' },
  { to: '/alerts', labelKey: 'nav.alerts', audience: 'everyone' },
  { to: '/statistics', labelKey: 'nav.statistics', audience: 'everyone' },
  { to: '/console', labelKey: 'nav.console', audience: 'signed-in' },
];
