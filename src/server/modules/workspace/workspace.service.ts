import type { WorkItem, WorkSection, WorkView } from '../../../contract/workspace';
import type { Actor } from '../../access/actor';
import type { AppDeps } from '../../platform/deps';
import { listAdminWork } from '../admin';
import { listAuditWork } from '../audit';
import { listExchangeWork } from '../exchange';
import { portalWorkOf } from '../portal';
import { listOwnScreenings, listPendingHits } from '../wanted';
import { presentApprovals, presentAccounts, presentChanges, presentDenials, presentHits, presentOwnHits, presentRequests, presentScreenings } from './workspace.presenter';
import { registryWorkOf } from './workspace.registry';

/** How many items each section lists (its count is of all). */
const SHOWN = 5;

type Section = (WorkSection | null)[];

/**
 * "My work": each section asks the module it comes from, with the module's own scope and
 * rules, so a count or an item never reveals a record the user may not see. A section the
 * user's abilities do not cover is left out (the module answers null), not shown empty.
 */
export function createWorkspaceService(deps: AppDeps) {
  const audit = { db: deps.db, audit: deps.audit, clock: deps.clock, checkpointPath: deps.checkpointPath, checkpointKey: deps.keys.auditCheckpoint };

  const wanted = async (actor: Actor): Promise<Section> => {
    const [pending, own] = await Promise.all([listPendingHits(deps, actor, SHOWN), listOwnScreenings(deps, actor, SHOWN)]);
    return [pending && presentHits(pending), ...(own ? presentScreenings(own).concat(presentOwnHits(own)) : [])];
  };

  const exchange = async (actor: Actor): Promise<Section> => {
    const work = await listExchangeWork(deps, actor, SHOWN);
    if (!work) return [];
    return [presentRequests('requests.overdue', work.overdue), presentRequests('requests.due_soon', work.dueSoon), work.approvals && presentApprovals(work.approvals)];
  };

  const admin = async (actor: Actor): Promise<Section> => {
    const work = await listAdminWork(deps, actor, SHOWN);
    if (!work) return [];
    return [...(work.accounts ? presentAccounts(work.accounts) : []), work.changes && presentChanges(work.changes)];
  };

  const auditor = async (actor: Actor, ip: string | null): Promise<Section> => {
    const work = await listAuditWork(audit, { actor, ip }, SHOWN);
    return work ? presentDenials(work) : [];
  };

  return {
    get: async (context: { actor: Actor; ip: string | null }): Promise<WorkView> => {
      const { actor } = context;
      const parts = await Promise.all([
        wanted(actor),
        exchange(actor),
        admin(actor),
        auditor(actor, context.ip),
        portalWorkOf(deps, actor),
        registryWorkOf(deps, actor).then((section) => [section]),
      ]);
      return { sections: parts.flat().filter((section): section is WorkSection => section !== null) };
    },
  };
}

export type { WorkItem };
