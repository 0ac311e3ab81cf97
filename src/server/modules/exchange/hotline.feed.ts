import crypto from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { BadRequestProblem, NotFoundProblem } from '../../platform/http/errors';
import { type FeedKind, hotlineFeedHeads } from './hotline.schema';

/** The channel every app node listens on; a payload is one alert id, nothing else. */
export const HOTLINE_CHANNEL = 'mosaic_hotline';

export interface FeedEntry {
  userId: string;
  kind: FeedKind;
}

export interface FeedRow {
  userId: string;
  seq: number;
  alertId: string;
  kind: FeedKind;
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const textArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::text[]`;

/**
 * Appends one event per user to their own sequence, inside the caller's transaction, and
 * notifies every node (delivered on commit). The heads are locked in user-id order, so two
 * concurrent fan-outs never deadlock, and a later commit always gets a later number.
 */
export async function appendFeed(tx: Db, alertId: string, entries: FeedEntry[], at: Date): Promise<void> {
  const byUser = new Map<string, FeedKind>();
  for (const entry of entries) if (!byUser.has(entry.userId)) byUser.set(entry.userId, entry.kind);
  const userIds = [...byUser.keys()].sort();
  if (userIds.length === 0) return;
  const kinds = userIds.map((userId) => byUser.get(userId)!);
  await tx.execute(sql`insert into hotline_feed_heads (user_id, token)
    select u, substr(replace(gen_random_uuid()::text, '-', ''), 1, 12) from unnest(${uuidArray(userIds)}) as u order by u
    on conflict (user_id) do nothing`);
  await tx.execute(sql`select user_id from hotline_feed_heads where user_id = any(${uuidArray(userIds)}) order by user_id for update`);
  await tx.execute(sql`with bumped as (
      update hotline_feed_heads set last_seq = last_seq + 1 where user_id = any(${uuidArray(userIds)}) returning user_id, last_seq
    )
    insert into hotline_feed (user_id, seq, alert_id, kind, at)
    select b.user_id, b.last_seq, ${alertId}::uuid, k.kind, ${at.toISOString()}::timestamptz
    from bumped b join unnest(${uuidArray(userIds)}, ${textArray(kinds)}) as k(user_id, kind) on k.user_id = b.user_id`);
  await tx.execute(sql`select pg_notify(${HOTLINE_CHANNEL}, ${alertId})`);
}

/** Each user's events after the given position, in order. */
export async function readFeedAfter(db: Db, cursors: { userId: string; after: number }[], limit = 5000): Promise<FeedRow[]> {
  if (cursors.length === 0) return [];
  const result = await db.execute(sql`select f.user_id as "userId", f.seq::int as seq, f.alert_id as "alertId", f.kind
    from hotline_feed f
    join unnest(${uuidArray(cursors.map((cursor) => cursor.userId))}, ${sql`${`{${cursors.map((cursor) => cursor.after).join(',')}}`}::bigint[]`}) as c(user_id, after)
      on f.user_id = c.user_id and f.seq > c.after
    order by f.user_id, f.seq
    limit ${limit}`);
  return rowsOf<FeedRow>(result);
}

export async function feedHead(db: Db, userId: string): Promise<{ lastSeq: number; token: string } | null> {
  const [row] = await db.select({ lastSeq: hotlineFeedHeads.lastSeq, token: hotlineFeedHeads.token }).from(hotlineFeedHeads).where(eq(hotlineFeedHeads.userId, userId));
  return row ?? null;
}

export async function feedHeads(db: Db, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ userId: hotlineFeedHeads.userId, token: hotlineFeedHeads.token }).from(hotlineFeedHeads).where(inArray(hotlineFeedHeads.userId, userIds));
  return new Map(rows.map((row) => [row.userId, row.token]));
}

export const formatEventId = (seq: number, token: string) => `${seq}-${token}`;

const EVENT_ID = /^(\d{1,15})-([0-9a-f]{12})$/;

/**
 * The position a reconnecting client resumes from. Its `Last-Event-ID` must be one this user's
 * stream gave out: a malformed one is 400, one of another user (its token differs) or a position
 * beyond the user's stream is 404. None: the stream starts at the user's newest event.
 */
export async function resumePosition(db: Db, userId: string, lastEventId: string | undefined): Promise<number> {
  const head = await feedHead(db, userId);
  if (lastEventId === undefined || lastEventId === '') return head?.lastSeq ?? 0;
  const match = EVENT_ID.exec(lastEventId);
  if (!match) throw new BadRequestProblem('Last-Event-ID is not an event id of this stream.', [{ path: 'Last-Event-ID', message: 'malformed' }]);
  const seq = Number(match[1]);
  const tokenMatches = head !== null && crypto.timingSafeEqual(Buffer.from(head.token), Buffer.from(match[2]!));
  if (!head || !tokenMatches || seq > head.lastSeq) throw new NotFoundProblem('No such event in your stream.');
  return seq;
}
