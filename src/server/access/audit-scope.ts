import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, hasRole, isUser } from './actor';
import type { MarkedRecord } from './marking';

/** Every economy: the record is released to all operational users. */
export const EVERY_ECONOMY = '*';

/**
 * The scope of the marked record an audit event concerns, as stored on the event:
 * the economy that owns it and the economies it is released to as a whole.
 */
export interface AuditSubject {
  economy: string;
  releasedTo: string[];
}

/**
 * The subject of an event about a marked record. Only releases to whole economies count
 * (CLEAR and GREEN to everyone or to listed economies, AMBER to listed economies): a release
 * to single organisations or sharing groups does not open the record's events to the
 * auditors of those organisations' economies, who still see their own users' events.
 */
export function auditSubjectOf(
  record: Pick<MarkedRecord, 'ownerEconomy' | 'tlp' | 'releasableEconomies' | 'releasableOrganisations' | 'sharingGroups'>,
): AuditSubject {
  const nothingListed = record.releasableEconomies.length + record.releasableOrganisations.length + record.sharingGroups.length === 0;
  const releasedTo = (() => {
    switch (record.tlp) {
      case 'CLEAR':
      case 'GREEN':
        return nothingListed ? [EVERY_ECONOMY] : record.releasableEconomies;
      case 'AMBER':
        return record.releasableEconomies;
      case 'AMBER+STRICT':
      case 'RED':
        return [];
    }
  })();
  return { economy: record.ownerEconomy, releasedTo: [...new Set(releasedTo)].sort() };
}

/** `full`: every field; `masked`: that it happened, by whom and when, without record or details; `hidden`: nothing. */
export type AuditView = 'full' | 'masked' | 'hidden';

export interface AuditScopedEvent {
  actorEconomy: string | null;
  subjectEconomy: string | null;
  subjectReleasedTo: string[] | null;
}

/**
 * What an audit reader sees of one event. Events about no marked record are open to every
 * audit reader. An event about a marked record is shown in full to the owning economy's
 * audit readers; masked to those of the actor's economy (they oversee their own users) and of
 * the economies the record is released to; and not at all to anyone else.
 */
export function auditViewOf(viewer: Actor, event: AuditScopedEvent): AuditView {
  if (!isUser(viewer) || !hasRole(viewer, 'auditor', 'administrator')) return 'hidden';
  if (event.subjectEconomy === null || event.subjectEconomy === viewer.economy) return 'full';
  const releasedTo = event.subjectReleasedTo ?? [];
  if (event.actorEconomy === viewer.economy || releasedTo.includes(viewer.economy) || releasedTo.includes(EVERY_ECONOMY)) return 'masked';
  return 'hidden';
}

export interface AuditScopeColumns {
  actorEconomy: AnyPgColumn;
  subjectEconomy: AnyPgColumn;
  subjectReleasedTo: AnyPgColumn;
}

/** The SQL twin of `auditViewOf`: `visible` keeps full and masked events, `full` only the full ones. */
export function auditViewSql(viewer: Actor, columns: AuditScopeColumns): { visible: SQL; full: SQL } {
  if (!isUser(viewer) || !hasRole(viewer, 'auditor', 'administrator')) return { visible: sql`false`, full: sql`false` };
  const economy = viewer.economy;
  const full = sql`(${columns.subjectEconomy} is null or ${columns.subjectEconomy} = ${economy})`;
  const masked = sql`(${columns.actorEconomy} = ${economy} or ${columns.subjectReleasedTo} && array[${economy}, ${EVERY_ECONOMY}]::text[])`;
  return { visible: sql`(${full} or ${masked})`, full };
}
