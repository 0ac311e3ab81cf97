import { type ChangeFeed, openChangeFeed } from '../../db/change-feed';
import type { Db } from '../../db/client';
import { ScreeningKeyIndex } from './screening.index';
import { SCREENING_CHANGES_CHANNEL, loadIndexedAlerts, streamIndexRows } from './screening.index.queries';

const RETRY_MS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ScreeningIndexHandle {
  /** The index, current with every change committed before the call; null while it is (re)built. */
  current(): Promise<ScreeningKeyIndex | null>;
  /** Resolves once the first build has finished (or failed, screening then runs on SQL). */
  ready(): Promise<void>;
  stats(): { alerts: number; approximateBytes: number; buildMs: number } | null;
  close(): Promise<void>;
}

/** Builds a fresh index from the database: two sequential scans, streamed. */
export async function buildScreeningIndex(db: Db): Promise<ScreeningKeyIndex> {
  const index = new ScreeningKeyIndex();
  const load = index.bulkLoad();
  await streamIndexRows(db, load.alert, load.key);
  load.finish();
  return index;
}

/**
 * Keeps this node's screening index current. The alert write path notifies the changed alert's
 * id in its own transaction, so a change arrives once committed, on every node, and the node
 * reloads that alert. Listening starts before the build so nothing between the two is lost; a
 * lost listening connection sends screening back to SQL until the index is rebuilt.
 */
export function startScreeningIndex(db: Db, kind: 'pglite' | 'postgres'): ScreeningIndexHandle {
  let index: ScreeningKeyIndex | null = null;
  let feed: ChangeFeed | null = null;
  let closed = false;
  let buildMs = 0;
  let pending = new Set<string>();
  let rebuildAll = false;
  let applying: Promise<void> | null = null;

  const onChange = (payload: string) => {
    if (UUID.test(payload)) pending.add(payload.toLowerCase());
    else rebuildAll = true;
  };
  const build = async () => {
    const started = performance.now();
    const fresh = await buildScreeningIndex(db);
    buildMs = performance.now() - started;
    return fresh;
  };
  const start = async (): Promise<void> => {
    if (closed) return;
    pending = new Set();
    rebuildAll = false;
    try {
      feed = await openChangeFeed(db, kind, SCREENING_CHANGES_CHANNEL, onChange, lost);
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
    process.emitWarning(`The screening index lost its change feed (${error.message}); screening through SQL until it is rebuilt.`);
    setTimeout(() => void start(), RETRY_MS).unref();
  }
  const apply = async () => {
    while ((pending.size > 0 || rebuildAll) && index) {
      if (rebuildAll) {
        rebuildAll = false;
        const waiting = pending;
        pending = new Set();
        try {
          index = await build();
        } catch (error) {
          rebuildAll = true;
          for (const id of waiting) pending.add(id);
          throw error;
        }
        continue;
      }
      const ids = [...pending];
      pending = new Set();
      let rows: Awaited<ReturnType<typeof loadIndexedAlerts>>;
      try {
        rows = await loadIndexedAlerts(db, ids);
      } catch (error) {
        for (const id of ids) pending.add(id);
        throw error;
      }
      for (const id of ids) index?.put(id, rows.get(id) ?? null);
    }
  };

  const firstBuild = start();
  return {
    async current() {
      if (!index || !feed) return null;
      // A failed round trip or reload answers through SQL this time; the changes stay pending.
      try {
        await feed.barrier();
        while ((pending.size > 0 || rebuildAll) && index) {
          applying ??= apply().finally(() => (applying = null));
          await applying;
        }
      } catch {
        return null;
      }
      return index;
    },
    ready: () => firstBuild,
    stats: () => (index ? { alerts: index.size, approximateBytes: index.approximateBytes(), buildMs } : null),
    async close() {
      closed = true;
      await firstBuild;
      index = null;
      await feed?.close();
      feed = null;
    },
  };
}
