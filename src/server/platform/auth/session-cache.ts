import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../../db/client';
import type { LoadedSession } from './sessions';

/** The channel every app node listens on; a payload names a user, a session or `*` (everyone). */
export const SESSION_CHANGES_CHANNEL = 'mosaic_session_changes';
const RECONNECT_MS = 1000;

export type SessionChange = { userId: string } | { tokenHash: string } | 'everyone';

export interface CachedSession {
  session: LoadedSession;
  lastSeenAt: Date;
  expiresAt: Date;
}

interface Entry extends CachedSession {
  cachedAt: number;
}

interface PgliteLike {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

function encode(change: SessionChange): string {
  if (change === 'everyone') return '*';
  return 'userId' in change ? `u:${change.userId}` : `s:${change.tokenHash}`;
}

/**
 * The sessions of recent requests, so an authenticated request costs no statement. An entry is
 * dropped when its user or session changes: every write that signs out, disables, or changes
 * roles, clearance, organisation, desks or sharing groups publishes a change with
 * `pg_notify` in its own transaction, so every node hears it once the change is committed,
 * and the publishing node also drops the entry at once. PGlite (one process owns the data)
 * keeps entries until a change; on the server an entry also lives at most `ttlMs`, and
 * nothing is cached while the listening connection is down.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listening = false;
  private users = 0;
  private stopListening: (() => Promise<void>) | null = null;
  private closed = false;

  constructor(private readonly options: { kind: 'pglite' | 'postgres'; ttlMs: number | null; now?: () => number }) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** A token for `set`: a load that started before a change must not be cached. */
  get version(): number {
    return this.generation;
  }

  get(tokenHash: string): CachedSession | null {
    if (!this.listening) return null;
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (this.options.ttlMs !== null && this.now() - entry.cachedAt >= this.options.ttlMs) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry;
  }

  set(tokenHash: string, value: CachedSession, version: number): void {
    if (!this.listening || version !== this.generation) return;
    this.entries.set(tokenHash, { ...value, cachedAt: this.now() });
  }

  /** Records a new last-seen time without extending the entry's life. */
  touched(tokenHash: string, lastSeenAt: Date): void {
    const entry = this.entries.get(tokenHash);
    if (entry) entry.lastSeenAt = lastSeenAt;
  }

  drop(change: SessionChange): void {
    this.generation += 1;
    if (change === 'everyone') this.entries.clear();
    else if ('tokenHash' in change) this.entries.delete(change.tokenHash);
    else for (const [key, entry] of this.entries) if (entry.session.userId === change.userId) this.entries.delete(key);
  }

  /** Publishes a change inside the caller's transaction and drops this node's entries now. */
  async publish(tx: Db, change: SessionChange): Promise<void> {
    this.drop(change);
    await tx.execute(sql`select pg_notify(${SESSION_CHANGES_CHANNEL}, ${encode(change)})`);
  }

  private received(payload: string): void {
    if (payload.startsWith('u:')) this.drop({ userId: payload.slice(2) });
    else if (payload.startsWith('s:')) this.drop({ tokenHash: payload.slice(2) });
    else this.drop('everyone');
  }

  private lost(): void {
    this.listening = false;
    this.drop('everyone');
  }

  /** Starts listening (once per cache, however many apps share it); caching begins when it listens. */
  async start(db: Db): Promise<void> {
    this.users += 1;
    if (this.users > 1) return;
    this.closed = false;
    const client = (db as unknown as { $client: unknown }).$client;
    if (this.options.kind === 'pglite') {
      this.stopListening = await (client as PgliteLike).listen(SESSION_CHANGES_CHANNEL, (payload) => this.received(payload));
      this.listening = true;
      return;
    }
    // A failed first connection keeps retrying in the background; until then nothing is cached.
    await this.connect((client as { options: pg.ClientConfig }).options).catch(() => {});
  }

  private async connect(config: pg.ClientConfig): Promise<void> {
    const listener = new pg.Client(config);
    let reconnecting = false;
    const reconnect = () => {
      if (reconnecting) return;
      reconnecting = true;
      this.stopListening = null;
      this.lost();
      void listener.end().catch(() => {});
      if (this.closed) return;
      setTimeout(() => {
        // A failed attempt schedules the next one itself.
        if (!this.closed) this.connect(config).catch(() => {});
      }, RECONNECT_MS).unref();
    };
    listener.on('error', reconnect);
    listener.on('end', reconnect);
    listener.on('notification', (message) => {
      if (message.channel === SESSION_CHANGES_CHANNEL) this.received(message.payload ?? '*');
    });
    try {
      await listener.connect();
      await listener.query(`listen ${SESSION_CHANGES_CHANNEL}`);
    } catch (error) {
      reconnect();
      throw error;
    }
    this.stopListening = async () => {
      listener.removeAllListeners('end');
      listener.removeAllListeners('error');
      listener.on('error', () => {});
      await listener.end();
    };
    this.listening = true;
  }

  async stop(): Promise<void> {
    this.users = Math.max(0, this.users - 1);
    if (this.users > 0) return;
    this.closed = true;
    this.lost();
    const stop = this.stopListening;
    this.stopListening = null;
    if (stop) await stop();
  }
}

/** The cache of one app node: no time limit on PGlite, `ttlSeconds` on the server (0 turns it off). */
export function createSessionCache(kind: 'pglite' | 'postgres', ttlSeconds: number): SessionCache {
  return new SessionCache({ kind, ttlMs: kind === 'pglite' ? null : ttlSeconds * 1000 });
}

