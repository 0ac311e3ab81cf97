import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import type { CasesDeps } from './cases.context';
import { dropCorrelationsByBasis, excludeKey, listFlaggedValues } from './entities.queries';

/** The kind of value a key holds: its prefix (`phone`, `iban`, `person` …). */
const kindOf = (key: string) => key.slice(0, Math.max(0, key.indexOf(':')));

/** Values that hit the over-correlation cap, for administrators to review and exclude. */
export function createFlaggedService(deps: CasesDeps) {
  const { db, audit, clock } = deps;
  return {
    list: async (actor: Actor) => {
      authorize(actor, 'cases.flagged_value.manage');
      const rows = await listFlaggedValues(db);
      return { items: rows.map((row) => ({ key: row.key, kind: kindOf(row.key), caseCount: row.caseCount, flaggedAt: row.flaggedAt.toISOString(), excluded: row.excludedAt !== null })) };
    },

    /** An excluded value correlates nothing from now on; the correlations it made go, unless a follow-up was asked on one. */
    exclude: async (actor: Actor, key: string, ip: string): Promise<{ excluded: true; dropped: number }> => {
      authorize(actor, 'cases.flagged_value.manage');
      return audit.command(async (tx) => {
        const userId = actor.kind === 'user' ? actor.userId : '';
        await excludeKey(tx, key, userId, clock());
        const dropped = await dropCorrelationsByBasis(tx, key);
        // The value itself is an identifier: only its kind goes into the chain.
        await audit.append(tx, { actor, ip }, { action: 'cases.flagged_value.exclude', recordType: 'case_flagged_value', details: { kind: kindOf(key) } });
        return { excluded: true as const, dropped };
      });
    },
  };
}
