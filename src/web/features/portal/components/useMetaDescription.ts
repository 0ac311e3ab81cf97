import { useEffect } from 'react';

/** Sets `<meta name="description">` for search engines and link previews; restores the previous text on leave. */
export function useMetaDescription(description: string | undefined) {
  useEffect(() => {
    if (!description) return;
    let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.appendChild(meta);
    }
    const previous = meta.content;
    meta.content = description.length > 300 ? `${description.slice(0, 297)}…` : description;
    return () => {
      if (meta) meta.content = previous;
    };
  }, [description]);
}
