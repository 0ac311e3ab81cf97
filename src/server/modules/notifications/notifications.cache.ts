import { type ChangeFeed, openChangeFeed } from '../../db/change-feed';
import type { Db } from '../../db/client';

/** Notified by a statement trigger (migration 0006) on every change of notifications or desks. */
export const NOTIFICATION_CHANGES_CHANNEL = 'mosaic_notification_changes';
const RETRY_MS = 1000;
const MAX_ENTRIES = 10_000;

/** One page of one recipient: who, with which desks, and which page. */
export function pageKey(recipient: { userId: string; deskIds: readonly string[] }, query: { unreadOnly: boolean; page: number; pageSize: number }): string {
  return `${recipient.userId}|${recipient.deskIds.join(',')}|${query.unreadOnly ? 1 : 0}|${query.page}|${query.pageSize}`;
}

/**
 * The notification pages of recent requests, as their JSON answers, so a repeated read costs
 * no statement and no serialisation. The
 * database stays the truth: every statement that changes notifications or desks notifies
 * `mosaic_notification_changes` from a trigger, delivered only once it commits, on every node,
 * and any change empties the whole cache (writes are rare beside reads). A page read before a
 * change but stored after it is refused (`version`), and a read waits for the notifications
 * of changes committed before it (`get`). Nothing is cached while the listening connection is
 * down; a node's own writes also empty it at once (`changed`).
 */
export class NotificationPageCache {
  private readonly entries = new Map<string, string>();
  private generation = 0;
  private feed: ChangeFeed | null = null;
  private closed = false;
  private starting: Promise<void> | null = null;

  constructor(private readonly db: Db, private readonly kind: 'pglite' | 'postgres') {}

  /** A token for `set`: a read that started before a change must not be cached. */
  get version(): number {
    return this.generation;
  }

  /**
   * The cached answer, current with every change committed before the call: on the server the
   * feed's barrier (one round trip on the listening connection, shared by concurrent callers)
   * first delivers what is in flight; on PGlite nothing ever is.
   */
  async get(key: string): Promise<string | null> {
    const feed = this.feed;
    if (!feed || this.entries.size === 0) return null;
    try {
      if (!process.env.H39_NO_BARRIER) await feed.barrier();
    } catch {
      return null; // the listening connection failed: `lost` empties the cache and reconnects
    }
    return this.feed ? (this.entries.get(key) ?? null) : null;
  }

  set(key: string, json: string, version: number): void {
    if (!this.feed || version !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, json);
  }

  changed(): void {
    this.generation += 1;
    this.entries.clear();
  }

  start(): Promise<void> {
    this.closed = false;
    this.starting ??= openChangeFeed(this.db, this.kind, NOTIFICATION_CHANGES_CHANNEL, () => this.changed(), (error) => this.lost(error))
      .then((feed) => {
        if (this.closed) return feed.close();
        this.changed();
        this.feed = feed;
      })
      .catch((error: unknown) => this.lost(error as Error))
      .finally(() => (this.starting = null));
    return this.starting;
  }

  private lost(_error: Error): void {
    const previous = this.feed;
    this.feed = null;
    this.changed();
    void previous?.close().catch(() => {});
    if (!this.closed) setTimeout(() => void this.start(), RETRY_MS).unref();
  }

  async stop(): Promise<void> {
    this.closed = true;
    await this.starting;
    const feed = this.feed;
    this.feed = null;
    this.changed();
    await feed?.close();
  }
}
