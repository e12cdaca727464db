import { useEffect, useState } from 'react';
import { listUsers } from '../../../api/admin-accounts.ts';

/**
 * User ids to "name (email)" for audit records. The user list is for admins only; for anyone
 * else the map stays empty and records show the recorded id.
 */
export function useActorNames(enabled: boolean): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!enabled) return;
    listUsers({})
      .then((r) => setNames(new Map(r.items.map((u) => [u.id, u.email]))))
      .catch(() => setNames(new Map()));
  }, [enabled]);
  return names;
}
