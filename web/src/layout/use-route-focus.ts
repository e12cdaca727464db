import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, moves focus to the new page's main heading, as a full page
 * load would reset it; screen readers then announce the new page. The first render is left
 * alone so the browser's own initial focus is kept. Comparing with the previous path (not a
 * "first run" flag) keeps this right when effects run twice, as under StrictMode.
 */
export function useRouteFocus(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // Wait a frame so a page that redirects or lazily renders has its heading in place.
    const frame = requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
