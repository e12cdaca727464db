import type { ParseKeys } from 'i18next';
import type { Role } from '../api/auth.ts';

export const AGENCY_ROLES: readonly Role[] = ['admin', 'supervisor', 'analyst'];
export const PLATFORM_ROLES: readonly Role[] = ['platform_operator'];

interface ConsoleNavItem {
  to: string;
  labelKey: ParseKeys;
  roles: readonly Role[] | 'all';
  end?: boolean;
}

const ITEMS: readonly ConsoleNavItem[] = [
  { to: '/console', labelKey: 'console.nav.overview', roles: 'all', end: true },
  { to: '/console/queue', labelKey: 'console.nav.queue', roles: AGENCY_ROLES },
  { to: '/console/escalations', labelKey: 'console.nav.escalations', roles: AGENCY_ROLES },
  { to: '/console/inbox', labelKey: 'console.nav.inbox', roles: PLATFORM_ROLES },
];

/** The console screens a role may open, in the side navigation's order. */
export function consoleNavFor(role: Role): ConsoleNavItem[] {
  return ITEMS.filter((item) => item.roles === 'all' || item.roles.includes(role));
}
