import type { Action } from '../../contract/actions';
import { ForbiddenProblem, type HttpProblem, NotFoundProblem, UnauthorizedProblem } from '../platform/http/errors';
import { type Actor, isUser } from './actor';
import { type AuditSubject, auditSubjectOf } from './audit-scope';
import type { MarkedRecord } from './marking';
import { can } from './policy';

/** A denial by the policy: answered as a problem and written to the audit chain by the error hook. */
export class AccessDenied extends Error {
  constructor(
    readonly action: Action,
    readonly problem: HttpProblem,
    readonly recordType?: string,
    readonly recordId?: string,
    /** The scope of the marked record that was refused, so its denial is audited under the record's marking. */
    readonly subject?: AuditSubject,
  ) {
    super(problem.detail ?? problem.title);
  }
}

function isMarkedRecord(record: unknown): record is MarkedRecord {
  if (record === null || typeof record !== 'object') return false;
  const candidate = record as Partial<MarkedRecord>;
  return (
    typeof candidate.ownerEconomy === 'string' &&
    typeof candidate.tlp === 'string' &&
    Array.isArray(candidate.releasableEconomies) &&
    Array.isArray(candidate.releasableOrganisations) &&
    Array.isArray(candidate.sharingGroups)
  );
}

/**
 * Throws unless the policy allows the action. For a record the actor may not see the answer
 * is 404, never 403, so that nobody learns that it exists. A marked record (or `ref.subject`,
 * for a record governed by its parent's marking) scopes the audited denial like its other events.
 */
export function authorize(actor: Actor, action: Action, record?: unknown, ref?: { type: string; id: string; subject?: AuditSubject }): void {
  if (can(actor, action, record)) return;
  const subject = ref?.subject ?? (isMarkedRecord(record) ? auditSubjectOf(record) : undefined);
  if (!isUser(actor)) throw new AccessDenied(action, new UnauthorizedProblem(), ref?.type, ref?.id, subject);
  const problem = record === undefined ? new ForbiddenProblem() : new NotFoundProblem();
  throw new AccessDenied(action, problem, ref?.type, ref?.id, subject);
}
