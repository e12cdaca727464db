import { useEffect, useRef } from 'react';

interface Handlers {
  enabled: boolean;
  next: () => void;
  previous: () => void;
  open: () => void;
  toggle: () => void;
  search: () => void;
  help: () => void;
}

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The queue's keys: j/k next and previous row, Enter open (native on a focused link; here when
 * nothing is focused), x select, / filters, ? help. Keys typed into a field are left alone.
 */
export function useQueueShortcuts(handlers: Handlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const h = current.current;
      if (!h.enabled || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      const onLink = event.target instanceof HTMLAnchorElement;
      switch (event.key) {
        case 'j':
          h.next();
          break;
        case 'k':
          h.previous();
          break;
        case 'x':
          h.toggle();
          break;
        case '/':
          h.search();
          break;
        case '?':
          h.help();
          break;
        case 'Enter':
          if (onLink) return;
          h.open();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
