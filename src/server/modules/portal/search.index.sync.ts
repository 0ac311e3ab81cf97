import type { SearchType } from '../../../contract/portal';
import { type ChangeFeed, openChangeFeed } from '../../db/change-feed';
import type { Db } from '../../db/client';
import { PortalSearchIndex } from './search.index';
import { loadPublishedBatch, loadRowsByKey } from './search.index.queries';
import { SEARCH_CHANGES_CHANNEL } from './search.queries';

const BUILD_BATCH = 5000;
const RETRY_MS = 1000;

export interface PortalSearchIndexHandle {
  /** The index, current with every change committed before the call; null while it is (re)built. */
  current(): Promise<PortalSearchIndex | null>;
  /** Resolves once the first build has finished (or failed and fallen back to SQL). */
  ready(): Promise<void>;
  stats(): { items: number; approximateBytes: number; buildMs: number } | null;
  close(): Promise<void>;
}

/**
 * Keeps an in-process copy of the public search index. The database stays the truth: the
 * write path notifies `portal_search_changes` with `type:id` (or `*`) in its own transaction,
 * so a change arrives only once committed, on every node; each node reloads the named rows.
 * Listening starts before the build, so no change between the two is lost. A lost listening
 * connection falls back to SQL search until the index is rebuilt.
 */
export function startPortalSearchIndex(db: Db, kind: 'pglite' | 'postgres'): PortalSearchIndexHandle {
  let index: PortalSearchIndex | null = null;
  let feed: ChangeFeed | null = null;
  let closed = false;
  let buildMs = 0;
  let pending = new Set<string>();
  let rebuildAll = false;
  let applying: Promise<void> | null = null;

  const onChange = (payload: string) => {
    if (payload === '*') rebuildAll = true;
    else pending.add(payload);
  };
  const build = async () => {
    const started = performance.now();
    const fresh = new PortalSearchIndex();
    let after: { type: string; itemId: string } | null = null;
    for (;;) {
      const items = await loadPublishedBatch(db, after, BUILD_BATCH);
      for (const item of items) fresh.put(item.type, item.itemId, item);
      if (items.length < BUILD_BATCH) break;
      after = { type: items[items.length - 1]!.type, itemId: items[items.length - 1]!.itemId };
    }
    fresh.sealBuild();
    buildMs = performance.now() - started;
    return fresh;
  };
  const start = async (): Promise<void> => {
    if (closed) return;
    pending = new Set();
    rebuildAll = false;
    try {
      feed = await openChangeFeed(db, kind, SEARCH_CHANGES_CHANNEL, onChange, lost);
      index = await build();
    } catch (error) {
      if (!closed) lost(error as Error);
    }
  };
  function lost(error: Error) {
    index = null;
    const previous = feed;
    feed = null;
    void previous?.close().catch(() => {});
    if (closed) return;
    process.emitWarning(`Portal search index lost its change feed (${error.message}); searching through SQL until it is rebuilt.`);
    setTimeout(() => void start(), RETRY_MS).unref();
  }
  const apply = async () => {
    while ((pending.size > 0 || rebuildAll) && index) {
      if (rebuildAll) {
        rebuildAll = false;
        pending = new Set();
        index = await build();
        continue;
      }
      const batch = [...pending];
      pending = new Set();
      const keys = batch.map((key) => ({ type: key.slice(0, key.indexOf(':')), itemId: key.slice(key.indexOf(':') + 1) }));
      const rows = await loadRowsByKey(db, keys);
      for (const key of keys) index?.put(key.type as SearchType, key.itemId, rows.get(`${key.type}:${key.itemId}`) ?? null);
    }
  };

  const firstBuild = start();
  return {
    async current() {
      if (!index || !feed) return null;
      try {
        await feed.barrier();
      } catch {
        return null; // the listening connection failed: `lost` rebuilds; this search runs in SQL
      }
      while ((pending.size > 0 || rebuildAll) && index) {
        applying ??= apply().finally(() => (applying = null));
        await applying;
      }
      return index;
    },
    ready: () => firstBuild,
    stats: () => (index ? { items: index.count, approximateBytes: index.approximateBytes(), buildMs } : null),
    async close() {
      closed = true;
      await firstBuild;
      index = null;
      await feed?.close();
      feed = null;
    },
  };
}
