import type { CrossCheck, ItemSubjects, RequestSubject } from '../../../contract/exchange-casework';
import type { ScreenResult } from '../../../contract/wanted';
import { auditSubjectOf } from '../../access/audit-scope';
import type { Actor, UserActor } from '../../access/actor';
import { can } from '../../access/policy';
import { ConflictProblem, ForbiddenProblem } from '../../platform/http/errors';
import { createScreeningService } from '../wanted';
import { type ExchangeDeps, loadVisibleItem, requireUser } from './exchange.context';
import { listSubjects } from './cross-check.queries';
import { contentHidden } from './exchange.presenter';

/**
 * Directive (EU) 2023/977 Art. 16: what an incoming request names is screened against the
 * receiving economy's wanted alerts, as a screening by the receiving desk's user — the wanted
 * module's own screening, with its safe answers (a hit only where the user may not read the
 * alert) and its audit and hit records. Only the receiving desk sees the answer.
 */
export function createCrossCheckService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;
  const screening = createScreeningService(deps);

  async function loadReadable(actor: Actor, itemId: string) {
    const item = await loadVisibleItem(db, actor, itemId);
    return { ...item, hidden: contentHidden(actor, item.row) };
  }

  function screen(user: UserActor, subject: RequestSubject, purpose: string, ip: string): Promise<ScreenResult> {
    switch (subject.kind) {
      case 'person':
        return screening.person(user, { name: subject.name, dateOfBirth: subject.dateOfBirth, purpose }, ip);
      case 'vehicle':
        return screening.object(user, { kind: 'vehicle', identifier: [subject.plate, subject.vin].filter(Boolean).join(' / '), purpose }, ip);
      case 'document':
        return screening.object(user, { kind: 'document', identifier: subject.documentNumber, purpose }, ip);
    }
  }

  return {
    subjects: async (actor: Actor, itemId: string): Promise<ItemSubjects> => {
      const { access, hidden } = await loadReadable(actor, itemId);
      return { subjects: hidden ? [] : await listSubjects(db, itemId), canCrossCheck: !hidden && can(actor, 'exchange.item.cross_check', access) };
    },

    run: async (actor: Actor, itemId: string, ip: string): Promise<CrossCheck> => {
      const user = requireUser(actor);
      const { row, access, hidden } = await loadReadable(user, itemId);
      if (!can(user, 'exchange.item.cross_check', access)) throw new ForbiddenProblem('The cross-check is made by the receiving desk of a delivered item.');
      if (hidden) throw new ConflictProblem(`${row.reference} has been retracted.`);
      const subjects = await listSubjects(db, itemId);
      const purpose = `Cross-check of incoming request ${row.reference}`;
      const results = [];
      for (const subject of subjects) {
        const answer = await screen(user, subject, purpose, ip);
        results.push({ subject, candidates: answer.candidates.filter((candidate) => candidate.holdingDesk.economy === user.economy) });
      }
      await audit.record({ actor: user, ip }, { action: 'exchange.item.cross_check', recordType: 'exchange_item', recordId: itemId, details: { subjects: subjects.length, candidates: results.reduce((sum, result) => sum + result.candidates.length, 0) }, subject: auditSubjectOf(row) });
      return { checkedAt: clock().toISOString(), results };
    },
  };
}
