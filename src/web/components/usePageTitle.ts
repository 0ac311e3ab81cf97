import { useEffect } from 'react';

/** Sets the document title (and so what screen readers announce on navigation). */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Mosaic` : 'Mosaic';
  }, [title]);
}
