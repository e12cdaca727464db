import { useAuth } from '../../../auth/use-auth.ts';
import { SUPERVISOR_ROLES } from '../../../console/console-nav.ts';

/** Supervisors and administrators write campaigns; analysts read them. */
export function useCanWriteCampaigns(): boolean {
  const { state } = useAuth();
  return state.status === 'signed-in' && SUPERVISOR_ROLES.includes(state.user.role);
}
