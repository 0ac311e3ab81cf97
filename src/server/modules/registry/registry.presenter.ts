import type { Activity, ActivitySummary } from '../../../contract/registry';
import type { ActivityAccess } from './registry.policy';
import { inputOfRow } from './registry.rows';
import type { ActivityRow } from './registry.schema';

export function activityAccess(row: ActivityRow): ActivityAccess {
  const { classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl, ownerOrganisationId, ownerEconomy, isPublic } = row;
  return { classification, tlp, releasableEconomies, releasableOrganisations, sharingGroups, originatorControl, ownerOrganisationId, ownerEconomy, isPublic };
}

export function presentSummary(row: ActivityRow, ownerName: string): ActivitySummary {
  return {
    id: row.id,
    identifier: row.identifier,
    title: row.title,
    reportingOrg: row.reportingOrg,
    ownerOrganisation: ownerName,
    implementers: row.body.participatingOrgs.filter((org) => org.role === 'implementing').map((org) => org.name),
    status: row.status,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    economies: row.recipientEconomies,
    topics: row.topics,
    budgetEur: row.budgetEur,
    public: row.isPublic,
  };
}

export function presentActivity(row: ActivityRow, ownerName: string, acknowledgements: Activity['acknowledgements'], abilities: Activity['abilities']): Activity {
  return {
    ...inputOfRow(row),
    id: row.id,
    ownerOrganisation: { id: row.ownerOrganisationId, name: ownerName },
    budgetEur: row.budgetEur,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    acknowledgements,
    abilities,
  };
}
