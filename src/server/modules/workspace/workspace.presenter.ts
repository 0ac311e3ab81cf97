import type { AccessChangePage } from '../../../contract/admin';
import type { AuditEventPage, AuditVerifyResult } from '../../../contract/audit';
import type { ItemPage } from '../../../contract/exchange';
import type { HitPage } from '../../../contract/wanted';
import type { WorkSection, WorkSectionKey } from '../../../contract/workspace';

const section = (key: WorkSectionKey, count: number, items: WorkSection['items'], link: string | null): WorkSection => ({ key, count, items, link });

export const presentHits = (page: HitPage) =>
  section('hits.pending', page.total, page.items.map((hit) => ({ label: hit.reference, detail: hit.holdingDesk.name, status: hit.decision, at: hit.createdAt, link: `/wanted/hits/${hit.id}` })), '/wanted/hits?status=pending');

interface OwnScreenings {
  screenings: { id: string; at: string; batch: boolean; purpose: string | null }[];
  hits: { total: number; items: { id: string; reference: string; status: string; decision: string; at: string }[] };
}

export const presentScreenings = (own: OwnScreenings) => [
  section('screenings.recent', own.screenings.length, own.screenings.map((row) => ({ label: row.purpose ?? '—', detail: row.batch ? 'batch' : 'single', status: null, at: row.at, link: null })), '/wanted/screen'),
];

export const presentOwnHits = (own: OwnScreenings) => [
  section('screenings.outcomes', own.hits.total, own.hits.items.map((hit) => ({ label: hit.reference, detail: hit.decision, status: hit.status, at: hit.at, link: `/wanted/hits/${hit.id}` })), '/wanted/hits'),
];

const requestItems = (page: ItemPage) =>
  page.items.map((item) => ({ label: `${item.reference}${item.subject ? ` · ${item.subject}` : ''}`, detail: item.senderDesk.name, status: item.deadline?.overdue ? 'overdue' : item.deadline?.dueSoon ? 'due_soon' : (item.state ?? null), at: item.deadline?.dueAt ?? item.sentAt, link: `/exchange/items/${item.id}` }));

export const presentRequests = (key: 'requests.due_soon' | 'requests.overdue', page: ItemPage) =>
  section(key, page.total, requestItems(page), `/exchange?flag=${key === 'requests.overdue' ? 'overdue' : 'due_soon'}`);

export const presentApprovals = (page: ItemPage) => section('approvals.awaiting', page.total, requestItems(page), '/exchange?box=approvals');

interface Accounts {
  rows: { id: string; email: string; displayName: string; createdAt: Date }[];
  total: number;
}

const accountItems = (accounts: Accounts, status: string) =>
  accounts.rows.map((row) => ({ label: row.displayName, detail: row.email, status, at: row.createdAt.toISOString(), link: `/admin/users?q=${encodeURIComponent(row.email)}` }));

export const presentAccounts = (accounts: { locked: Accounts; enrolment: Accounts }) => [
  section('accounts.locked', accounts.locked.total, accountItems(accounts.locked, 'locked'), '/admin/users'),
  section('accounts.enrolment', accounts.enrolment.total, accountItems(accounts.enrolment, 'enrolment'), '/admin/users'),
];

export const presentChanges = (page: AccessChangePage) =>
  section('access_changes.pending', page.total, page.items.map((change) => ({ label: change.subject.label, detail: change.kind, status: change.status, at: change.proposedAt, link: '/admin/access-changes' })), '/admin/access-changes');

export const presentDenials = (work: { chain: AuditVerifyResult; denials: AuditEventPage }) => [
  { ...section('audit.chain', 0, [], '/audit'), ok: work.chain.ok, items: [{ label: work.chain.ok ? 'ok' : 'broken', detail: work.chain.ok ? null : work.chain.reason, status: work.chain.ok ? 'ok' : 'broken', at: work.chain.verifiedAt, link: '/audit' }] },
  section('audit.denials', work.denials.total, work.denials.items.map((event) => ({ label: event.action, detail: event.actorLabel, status: 'denied', at: event.occurredAt, link: `/audit?outcome=denied` })), '/audit?outcome=denied'),
];
