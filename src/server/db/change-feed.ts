import pg from 'pg';
import type { Db } from './client';

/** A LISTEN on the change channel, and a barrier: every change committed before it has arrived. */
export interface ChangeFeed {
  barrier(): Promise<void>;
  close(): Promise<void>;
}

interface PgliteLike {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

interface PoolLike {
  options: pg.ClientConfig;
}

/**
 * PGlite delivers a notification while it runs the committing statement, so nothing is ever
 * in flight. On the server a dedicated connection listens; its barrier is one round trip on
 * that connection, which the server answers only after sending every notification committed
 * before it (coalesced: concurrent callers share one round trip).
 */
export async function openChangeFeed(
  db: Db,
  kind: 'pglite' | 'postgres',
  channel: string,
  onChange: (payload: string) => void,
  onLost: (error: Error) => void,
): Promise<ChangeFeed> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (kind === 'pglite') {
    const unlisten = await (client as PgliteLike).listen(channel, onChange);
    return { barrier: async () => {}, close: () => unlisten() };
  }
  const listener = new pg.Client((client as PoolLike).options);
  listener.on('error', onLost);
  listener.on('notification', (message) => {
    if (message.channel === channel) onChange(message.payload ?? '*');
  });
  await listener.connect();
  await listener.query(`listen ${pg.escapeIdentifier(channel)}`);
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const roundTrip = async () => {
    await listener.query('select 1');
  };
  return {
    barrier: () => {
      if (!running) {
        running = roundTrip().finally(() => (running = null));
        return running;
      }
      queued ??= running.then(() => {
        queued = null;
        running = roundTrip().finally(() => (running = null));
        return running;
      });
      return queued;
    },
    close: () => listener.end(),
  };
}
