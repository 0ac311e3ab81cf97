import crypto from 'node:crypto';
import { type Actor, type UserActor, isUser } from '../../access/actor';
import { authorize } from '../../access/authorize';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import type { AppDeps } from '../../platform/deps';
import { type CaseMatchRequests, createCaseMatchRequests } from '../exchange';
import { NotFoundProblem, UnauthorizedProblem } from '../../platform/http/errors';
import type { CaseAccess } from './cases.policy';
import { caseAccessOf, findCase, loadTeams } from './cases.queries';
import type { CaseRow, TeamRow } from './cases.schema';

export interface CasesDeps {
  db: Db;
  audit: AuditService;
  clock: () => Date;
  config: { CASES_CORRELATION_CAP: number };
  /** Where case documents are sealed, and the key. */
  filesDir: string;
  keys: { encryption: Buffer };
  /** The exchange module's request to a holding economy's contact point ("ask for it"). */
  matchRequests: CaseMatchRequests;
}

/** The module's dependencies from the platform's, with the exchange's request to a contact point. */
export const casesDepsOf = (deps: AppDeps): CasesDeps => ({ ...deps, matchRequests: createCaseMatchRequests(deps) });

export function requireUser(actor: Actor): UserActor {
  if (!isUser(actor)) throw new UnauthorizedProblem();
  return actor;
}

/** The calendar day of an instant (UTC): team memberships start and end on days. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A random reference: it never reveals how many cases exist. */
export function newCaseReference(economy: string): string {
  return `C-${economy}-${Array.from(crypto.randomBytes(10), (byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
}

export interface LoadedCase {
  row: CaseRow;
  team: TeamRow[];
  access: CaseAccess;
}

/** A case and what its policy needs; no check. */
export async function loadCase(db: Db, id: string, today: string): Promise<LoadedCase | null> {
  const row = await findCase(db, id);
  if (!row) return null;
  const team = await loadTeams(db, [id]);
  return { row, team, access: caseAccessOf(row, team, today) };
}

/** A case the actor may take the action on, or 404 exactly as for one that does not exist. */
export async function loadCaseFor(db: Db, actor: Actor, id: string, today: string, action: Parameters<typeof authorize>[1] = 'cases.case.read'): Promise<LoadedCase> {
  const loaded = await loadCase(db, id, today);
  if (!loaded) throw new NotFoundProblem();
  authorize(actor, 'cases.case.read', loaded.access, { type: 'case', id });
  if (action !== 'cases.case.read') authorize(actor, action, loaded.access, { type: 'case', id });
  return loaded;
}
