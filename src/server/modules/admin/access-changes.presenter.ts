import type { AccessChangeField, AccessChangeView } from '../../../contract/admin';
import type { AccessChangeRow } from './admin.schema';
import type { loadLabels } from './access-changes.queries';

type Labels = Awaited<ReturnType<typeof loadLabels>>;

/** The stored field of each kind of change, and how the web app names its values. */
const FIELDS: Record<string, { field: AccessChangeField; names?: keyof Omit<Labels, 'users'> }> = {
  organisationId: { field: 'organisation', names: 'organisations' },
  roles: { field: 'roles' },
  clearance: { field: 'clearance' },
  member: { field: 'desk', names: 'desks' },
  economies: { field: 'economies' },
  organisationIds: { field: 'organisations', names: 'organisations' },
  economy: { field: 'economy' },
  kind: { field: 'kind' },
};

const SUBJECT_NAMES = { user: 'users', desk: 'desks', sharing_group: 'groups', organisation: 'organisations' } as const;

const asList = (value: unknown): string[] => (value === null || value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

function person(labels: Labels, id: string) {
  const found = labels.users.get(id);
  return { id, displayName: found?.displayName ?? id, email: found?.email ?? '' };
}

export function presentAccessChange(row: AccessChangeRow, labels: Labels, affectedUsers: number, abilities: Record<string, boolean>): AccessChangeView {
  const name = (names: keyof Omit<Labels, 'users'> | undefined, value: string) => ({ value, label: (names && labels[names].get(value)) ?? value });
  const subjectNames = SUBJECT_NAMES[row.recordType as keyof typeof SUBJECT_NAMES];
  const subjectLabel = subjectNames === 'users' ? labels.users.get(row.recordId)?.displayName : labels[subjectNames].get(row.recordId);
  const changes = Object.entries(row.changes).map(([key, { from, to }]) => {
    const shape = FIELDS[key]!;
    const before = asList(key === 'member' ? null : from);
    const after = asList(key === 'member' ? row.recordId : to);
    return {
      field: shape.field,
      from: before.map((value) => name(shape.names, value)),
      to: after.map((value) => name(shape.names, value)),
      added: after.filter((value) => !before.includes(value)).map((value) => name(shape.names, value)),
    };
  });
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    subject: { type: row.recordType, id: row.recordId, label: subjectLabel ?? row.recordId },
    member: row.memberUserId ? { id: row.memberUserId, label: labels.users.get(row.memberUserId)?.displayName ?? row.memberUserId } : null,
    changes,
    economies: row.economies,
    affectedUsers,
    proposedBy: person(labels, row.proposedBy),
    proposedAt: row.proposedAt.toISOString(),
    decidedBy: row.decidedBy ? person(labels, row.decidedBy) : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    reason: row.reason,
    abilities,
  };
}
