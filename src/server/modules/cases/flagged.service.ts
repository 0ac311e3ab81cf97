import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { NotFoundProblem } from '../../platform/http/errors';
import { type CasesDeps, requireUser } from './cases.context';
import { dropCorrelationsByBasis, excludeKey } from './entities.queries';
import { economyHoldsValue, listFlaggedValuesOfEconomy } from './flagged.queries';

/** The kind of value a key holds: its prefix (`phone`, `iban`, `person` …). */
const kindOf = (key: string) => key.slice(0, Math.max(0, key.indexOf(':')));

/**
 * Values that hit the over-correlation cap, for administrators to review and exclude — each
 * administrator only the values their own economy's entities hold, counted in their own cases
 * (decision 0032: the cap itself counts every case; the numbers shown never do).
 */
export function createFlaggedService(deps: CasesDeps) {
  const { db, audit, clock } = deps;
  return {
    list: async (actor: Actor) => {
      authorize(actor, 'cases.flagged_value.manage');
      const user = requireUser(actor);
      const rows = await listFlaggedValuesOfEconomy(db, user.economy);
      return { items: rows.map((row) => ({ key: row.key, kind: kindOf(row.key), caseCount: row.own_cases, flaggedAt: new Date(row.flagged_at).toISOString(), excluded: row.excluded })) };
    },

    /** An excluded value correlates nothing from now on; the correlations it made go, unless a follow-up was asked on one. */
    exclude: async (actor: Actor, key: string, ip: string): Promise<{ excluded: true }> => {
      authorize(actor, 'cases.flagged_value.manage');
      const user = requireUser(actor);
      if (!(await economyHoldsValue(db, key, user.economy))) throw new NotFoundProblem();
      return audit.command(async (tx) => {
        await excludeKey(tx, key, user.userId, clock());
        await dropCorrelationsByBasis(tx, key);
        // The value itself is an identifier: only its kind goes into the chain.
        await audit.append(tx, { actor, ip }, { action: 'cases.flagged_value.exclude', recordType: 'case_flagged_value', details: { kind: kindOf(key) } });
        return { excluded: true as const };
      });
    },
  };
}
