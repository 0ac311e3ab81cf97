import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters and paging live in the URL, so a filtered list can be bookmarked and shared and the
 * back button works. Changing a filter returns to the first page.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();

  const get = useCallback((name: string) => params.get(name) ?? undefined, [params]);
  const getAll = useCallback((name: string) => params.getAll(name), [params]);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const set = useCallback(
    (name: string, value: string | string[] | null | undefined) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.delete(name);
        if (Array.isArray(value)) value.forEach((item) => next.append(name, item));
        else if (value) next.set(name, value);
        if (name !== 'page') next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  const setPage = useCallback((value: number) => set('page', value > 1 ? String(value) : null), [set]);

  const clear = useCallback(
    (names: string[]) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        names.forEach((name) => next.delete(name));
        next.delete('page');
        return next;
      }),
    [setParams],
  );

  return { params, get, getAll, set, page, setPage, clear };
}
