import type { HitDecisionInput, HitListQuery, HitPage, HitReportInput, HitView } from '../../../contract/wanted';
import type { Actor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { authorize } from '../../access/authorize';
import { ConflictProblem, NotFoundProblem } from '../../platform/http/errors';
import { notifyDesk, notifyUser } from '../notifications';
import { alertRecord } from './alerts.presenter';
import { requireUser, type WantedDeps } from './alerts.service';
import { hitRecord, presentHit } from './hits.presenter';
import { type HitWithContext, decideHitRow, findHit, hasHitReport, insertHitMessage, listHitMessages, listHits, visibleHits } from './hits.queries';

const NOTE_IN_NOTIFICATION = 300;

/** The issuing desk's inbox of hits, the screener's hit report and the desk's decision on it. */
export function createHitService(deps: WantedDeps) {
  const { db, audit, clock } = deps;

  async function loadHit(actor: Actor, id: string) {
    const row = await findHit(db, id);
    if (!row) throw new NotFoundProblem();
    authorize(actor, 'wanted.hit.read', hitRecord(row), { type: 'wanted_hit', id, subject: subjectOf(row) });
    return row;
  }

  const subjectOf = (row: HitWithContext) => auditSubjectOf(alertRecord({ ...row.alert, desk: row.desk }, clock()));
  const present = async (actor: Actor, id: string) => presentHit(actor, (await findHit(db, id))!, clock(), await listHitMessages(db, id));

  return {
    list: async (actor: Actor, query: HitListQuery & { alertId?: string }): Promise<HitPage> => {
      const user = requireUser(actor);
      const { rows, total } = await listHits(db, { scope: visibleHits(user), ...query });
      const now = clock();
      return { items: rows.map((row) => presentHit(actor, row, now)), total, page: query.page, pageSize: query.pageSize };
    },

    read: async (actor: Actor, id: string, ip: string): Promise<HitView> => {
      const row = await loadHit(actor, id);
      await audit.record({ actor, ip }, { action: 'wanted.hit.read', recordType: 'wanted_hit', recordId: id, details: { alertId: row.hit.alertId }, subject: subjectOf(row) });
      return presentHit(actor, row, clock(), await listHitMessages(db, id));
    },

    /** The screener's hit report: where and when, what was done, who is held or what seized, how to reach them. */
    report: async (actor: Actor, id: string, input: HitReportInput, ip: string): Promise<HitView> => {
      const user = requireUser(actor);
      const row = await loadHit(actor, id);
      authorize(actor, 'wanted.hit.report', hitRecord(row), { type: 'wanted_hit', id, subject: subjectOf(row) });
      await audit.command(async (tx) => {
        if (await hasHitReport(tx, id)) throw new ConflictProblem('A hit report has already been filed for this hit.');
        const messageId = await insertHitMessage(tx, { hitId: id, authorId: user.userId, kind: 'report', content: { ...input }, createdAt: clock() });
        await notifyDesk(tx, {
          deskId: row.hit.issuingDeskId,
          kind: 'wanted.hit.report',
          title: `Hit report on ${row.hit.reference}`,
          body: `${user.displayName}, ${user.organisationName} (${user.economy}) reports: ${input.place}. Confirm or reject the hit.`,
          link: `/wanted/hits/${id}`,
          recordType: 'wanted_hit',
          recordId: id,
        });
        await audit.append(tx, { actor, ip }, { action: 'wanted.hit.report', recordType: 'wanted_hit', recordId: id, details: { messageId, fields: Object.keys(input) }, subject: subjectOf(row) });
      });
      return present(actor, id);
    },

    decide: async (actor: Actor, id: string, input: HitDecisionInput, ip: string): Promise<HitView> => {
      const user = requireUser(actor);
      const row = await loadHit(actor, id);
      if (row.hit.status !== 'pending') throw new ConflictProblem('This hit has already been decided.');
      authorize(actor, 'wanted.hit.decide', hitRecord(row), { type: 'wanted_hit', id, subject: subjectOf(row) });
      const now = clock();
      await audit.command(async (tx) => {
        const changed = await decideHitRow(tx, id, { status: input.decision, note: input.note, decidedBy: user.userId, decidedAt: now });
        if (!changed) throw new ConflictProblem('This hit has already been decided.');
        await insertHitMessage(tx, { hitId: id, authorId: user.userId, kind: 'decision', content: { decision: input.decision, note: input.note }, createdAt: now });
        const note = input.note.length > NOTE_IN_NOTIFICATION ? `${input.note.slice(0, NOTE_IN_NOTIFICATION)}…` : input.note;
        await notifyUser(tx, {
          userId: row.hit.screenedBy,
          kind: 'wanted.hit.decided',
          title: `Hit ${row.hit.reference} ${input.decision} by ${row.desk.name}`,
          body: `${input.decision === 'confirmed' ? 'The holding desk confirmed the hit.' : 'The holding desk rejected the hit.'} Reply: ${note}`,
          link: `/wanted/hits/${id}`,
          recordType: 'wanted_hit',
          recordId: id,
        });
        await audit.append(tx, { actor, ip }, { action: 'wanted.hit.decide', recordType: 'wanted_hit', recordId: id, details: { decision: input.decision, alertId: row.hit.alertId }, subject: subjectOf(row) });
      });
      return present(actor, id);
    },
  };
}
