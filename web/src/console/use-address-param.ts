import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A setter for one filter kept in the page's address (an empty value removes it), replacing the
 * history entry. It builds on the current address, not on a render's copy of it, so two changes
 * made before the page renders again are both kept.
 */
export function useAddressParam(): (key: string, value: string) => void {
  const [, setSearchParams] = useSearchParams();
  return useCallback(
    (key, value) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
}
