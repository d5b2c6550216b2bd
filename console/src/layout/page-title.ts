import { useEffect } from 'react';

/** The document's title names the page (screen readers announce it). */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Mercato` : 'Mercato';
  }, [title]);
}
