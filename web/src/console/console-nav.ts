import type { ParseKeys } from 'i18next';
import type { Role } from '../api/auth.ts';

export const AGENCY_ROLES: readonly Role[] = ['admin', 'supervisor', 'analyst'];
export const PLATFORM_ROLES: readonly Role[] = ['platform_operator'];
export const SUPERVISOR_ROLES: readonly Role[] = ['admin', 'supervisor'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];

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
  { to: '/console/dashboards', labelKey: 'console.nav.dashboards', roles: AGENCY_ROLES },
  { to: '/console/disputes', labelKey: 'console.nav.disputes', roles: SUPERVISOR_ROLES },
  { to: '/console/content', labelKey: 'console.nav.content', roles: SUPERVISOR_ROLES },
  { to: '/console/campaigns', labelKey: 'console.nav.campaigns', roles: SUPERVISOR_ROLES },
  { to: '/console/templates', labelKey: 'console.nav.templates', roles: SUPERVISOR_ROLES },
  { to: '/console/admin', labelKey: 'console.nav.admin', roles: ADMIN_ROLES },
  { to: '/console/settings', labelKey: 'console.nav.settings', roles: SUPERVISOR_ROLES },
];

/** The console screens a role may open, in the side navigation's order. */
export function consoleNavFor(role: Role): ConsoleNavItem[] {
  return ITEMS.filter((item) => item.roles === 'all' || item.roles.includes(role));
}
