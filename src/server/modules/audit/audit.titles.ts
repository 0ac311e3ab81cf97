import type { Actor } from '../../access/actor';
import type { Db } from '../../db/client';
import type { RecordTitleSources } from '../../platform/audit/record-titles';
import { userRecordTitles } from '../admin';
import { directoryRecordTitles } from '../directory';
import { portalRecordTitles } from '../portal';

/**
 * What the auditor recognises a record by: each module names its own records, for this reader,
 * through its index.ts — so a record the reader may not see (a draft article, say) gets no
 * title. Marked records (alerts, hits, exchange items, cases) get none from anyone: even their
 * reference is content the audit view never shows (docs/audit.md), so the web app names their kind alone.
 */
const SOURCES: RecordTitleSources = { ...userRecordTitles, ...directoryRecordTitles, ...portalRecordTitles };

/** Titles of the records of these (unmasked) events, keyed `type:id`; unknown types have none. */
export async function loadRecordTitles(
  db: Db,
  reader: { actor: Actor; now: Date },
  records: { recordType: string | null; recordId: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const { recordType, recordId } of records) {
    if (!recordType || !recordId || !Object.hasOwn(SOURCES, recordType) || !/^[0-9a-f-]{36}$/i.test(recordId)) continue;
    if (!byType.has(recordType)) byType.set(recordType, new Set());
    byType.get(recordType)!.add(recordId.toLowerCase());
  }
  const titles = new Map<string, string>();
  for (const [type, ids] of byType) {
    for (const [id, title] of await SOURCES[type]!(db, reader, [...ids])) titles.set(`${type}:${id}`, title);
  }
  return titles;
}
