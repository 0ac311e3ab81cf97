import type { Actor } from '../../access/actor';
import type { Db } from '../../db/client';

/** Who asks for titles, and when (visibility may depend on the time, e.g. a scheduled publication). */
export interface TitleReader {
  actor: Actor;
  now: Date;
}

/**
 * A module's answer to "what are these records called?": the titles of those of `ids` that the
 * reader may see, keyed by id (lower-case). A record the reader may not see is simply absent,
 * so the audit view shows no title for it.
 */
export type RecordTitleLookup = (db: Db, reader: TitleReader, ids: string[]) => Promise<Map<string, string>>;

/** Lookups by audit record type (`user`, `portal_article`, …), as each module exports them. */
export type RecordTitleSources = Record<string, RecordTitleLookup>;
