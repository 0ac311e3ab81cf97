import type { HitDecisionInput, HitListQuery, HitPage, HitView } from '../../../contract/wanted';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { ConflictProblem, NotFoundProblem } from '../../platform/http/errors';
import { notifyUser } from '../notifications';
import { requireUser, type WantedDeps } from './alerts.service';
import { hitRecord, presentHit } from './hits.presenter';
import { decideHitRow, findHit, listHits, visibleHits } from './hits.queries';

/** The issuing desk's inbox of hits and its decisions on them. */
export function createHitService(deps: WantedDeps) {
  const { db, audit, clock } = deps;

  async function loadHit(actor: Actor, id: string) {
    const row = await findHit(db, id);
    if (!row) throw new NotFoundProblem();
    authorize(actor, 'wanted.hit.read', hitRecord(row), { type: 'wanted_hit', id });
    return row;
  }

  return {
    list: async (actor: Actor, query: HitListQuery & { alertId?: string }): Promise<HitPage> => {
      const user = requireUser(actor);
      const { rows, total } = await listHits(db, { scope: visibleHits(user), ...query });
      const now = clock();
      return { items: rows.map((row) => presentHit(actor, row, now)), total, page: query.page, pageSize: query.pageSize };
    },

    read: async (actor: Actor, id: string, ip: string): Promise<HitView> => {
      const row = await loadHit(actor, id);
      await audit.record({ actor, ip }, { action: 'wanted.hit.read', recordType: 'wanted_hit', recordId: id, details: { reference: row.hit.reference } });
      return presentHit(actor, row, clock());
    },

    decide: async (actor: Actor, id: string, input: HitDecisionInput, ip: string): Promise<HitView> => {
      const user = requireUser(actor);
      const row = await loadHit(actor, id);
      if (row.hit.status !== 'pending') throw new ConflictProblem('This hit has already been decided.');
      authorize(actor, 'wanted.hit.decide', hitRecord(row), { type: 'wanted_hit', id });
      const now = clock();
      await audit.command(async (tx) => {
        const changed = await decideHitRow(tx, id, { status: input.decision, note: input.note, decidedBy: user.userId, decidedAt: now });
        if (!changed) throw new ConflictProblem('This hit has already been decided.');
        await notifyUser(tx, {
          userId: row.hit.screenedBy,
          kind: 'wanted.hit.decided',
          title: `Hit ${row.hit.reference} ${input.decision} by ${row.desk.name}`,
          body: input.decision === 'confirmed' ? 'The holding desk confirmed the hit; expect its contact.' : 'The holding desk rejected the hit.',
          link: `/wanted/hits/${id}`,
          recordType: 'wanted_hit',
          recordId: id,
        });
        await audit.append(tx, { actor, ip }, {
          action: 'wanted.hit.decide',
          recordType: 'wanted_hit',
          recordId: id,
          details: { reference: row.hit.reference, decision: input.decision, alertId: row.hit.alertId },
        });
      });
      return presentHit(actor, (await findHit(db, id))!, clock());
    },
  };
}
