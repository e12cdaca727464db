import { useCallback, useEffect, useState } from 'react';
import { listOrganizations, type AdminOrganization } from '../../../api/admin-accounts.ts';

/** Every organization, loaded once per screen, with a way to reload after a change. */
export function useOrganizations() {
  const [organizations, setOrganizations] = useState<AdminOrganization[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(async () => {
    try {
      setOrganizations((await listOrganizations()).items);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoaded(true);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { organizations, error, loaded, reload };
}
