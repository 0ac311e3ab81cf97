import { desc, isNotNull } from 'drizzle-orm';
import { anonymousActor } from '../../access/actor';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema/core';
import type { AuditService } from './audit.service';
import { chainReaches, readCheckpoint, writeCheckpoint } from './checkpoint';

export type AuditHeadProblem = 'checkpoint-missing' | 'checkpoint-invalid' | 'chain-short' | 'chain-diverged';

export type AuditHeadCheck =
  | { ok: true; headSeq: number; checkpointSeq: number | null }
  | { ok: false; problem: AuditHeadProblem; headSeq: number; checkpointSeq: number | null; reason: string };

/** Thrown at start when the chain does not reach its signed checkpoint. */
export class AuditBreakError extends Error {
  constructor(readonly check: Extract<AuditHeadCheck, { ok: false }>, checkpointPath: string) {
    super(
      `refusing to start: the audit chain does not match its signed checkpoint (${checkpointPath}): ${check.reason}. ` +
        'Audit events may have been removed or rewritten. Run `mosaic audit verify` to see where; to start anyway ' +
        'so that an administrator can inspect, start with --accept-audit-break (recorded in the audit chain).',
    );
  }
}

/**
 * The quick check at start: the chain's head against the signed checkpoint (the full walk is
 * `mosaic audit verify`). A missing checkpoint is only fine while the chain is empty.
 */
export async function checkAuditHead(db: Db, checkpointPath: string, key: Buffer): Promise<AuditHeadCheck> {
  const [head] = await db
    .select({ seq: auditEvents.chainSeq })
    .from(auditEvents)
    .where(isNotNull(auditEvents.chainSeq))
    .orderBy(desc(auditEvents.chainSeq))
    .limit(1);
  const headSeq = head?.seq ?? 0;
  const stored = readCheckpoint(checkpointPath, key);
  if (stored === 'missing') {
    if (headSeq === 0) return { ok: true, headSeq, checkpointSeq: null };
    return { ok: false, problem: 'checkpoint-missing', headSeq, checkpointSeq: null, reason: `the checkpoint is missing although the chain holds ${headSeq} events` };
  }
  if (stored === 'invalid') {
    return { ok: false, problem: 'checkpoint-invalid', headSeq, checkpointSeq: null, reason: "the checkpoint is malformed or not signed with this installation's key" };
  }
  if (stored.seq > headSeq) {
    return { ok: false, problem: 'chain-short', headSeq, checkpointSeq: stored.seq, reason: `the chain ends at event ${headSeq} but the checkpoint records event ${stored.seq}` };
  }
  if (!(await chainReaches(db, stored))) {
    return { ok: false, problem: 'chain-diverged', headSeq, checkpointSeq: stored.seq, reason: `event ${stored.seq} differs from the one the checkpoint signed` };
  }
  return { ok: true, headSeq, checkpointSeq: stored.seq };
}

/**
 * Runs the check before anything is served. On an empty chain without a checkpoint it signs
 * the empty chain (seq 0), so a later start tells a removed checkpoint from a fresh install.
 * On a break it throws, unless the operator accepts it: then it says so loudly and records
 * `audit.chain.accept_break` in the chain. The checkpoint that disagrees is never replaced.
 */
export async function guardAuditHead(
  deps: { db: Db; audit: AuditService; checkpointPath: string; checkpointKey: Buffer },
  options: { acceptBreak: boolean; warn?: (message: string) => void },
): Promise<AuditHeadCheck> {
  const check = await checkAuditHead(deps.db, deps.checkpointPath, deps.checkpointKey);
  if (check.ok) {
    if (check.checkpointSeq === null) await writeCheckpoint(deps.db, deps.checkpointPath, deps.checkpointKey);
    return check;
  }
  const error = new AuditBreakError(check, deps.checkpointPath);
  if (!options.acceptBreak) throw error;
  const warn = options.warn ?? ((message: string) => console.error(message));
  const rule = '!'.repeat(78);
  warn(`${rule}\n  AUDIT CHAIN BREAK ACCEPTED (--accept-audit-break): ${check.reason}.\n  Serving anyway for inspection; this start is recorded in the audit chain. Run \`mosaic audit verify\`.\n${rule}`);
  await deps.audit.record(
    { actor: anonymousActor },
    { action: 'audit.chain.accept_break', actorLabel: 'operator', outcome: 'failure', details: { problem: check.problem, headSeq: check.headSeq, checkpointSeq: check.checkpointSeq } },
  );
  return check;
}
