import { and, eq } from 'drizzle-orm';
import type { Marking } from '../../../contract/core';
import type { ItemCreateInput } from '../../../contract/exchange';
import type { UserActor } from '../../access/actor';
import { desks, organisations, users } from '../../db/schema/core';
import { buildActor } from '../../platform/auth/sessions';
import type { AppDeps } from '../../platform/deps';
import { createExchangeService } from './exchange.service';
import { createRequestService } from './requests.service';

async function demoActor(deps: AppDeps, email: string): Promise<UserActor | null> {
  const [row] = await deps.db.select({ user: users, organisation: organisations }).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.email, email));
  return row ? buildActor(deps.db, row.user, row.organisation) : null;
}

async function deskId(deps: AppDeps, economy: string, area: string): Promise<string | null> {
  const [row] = await deps.db.select({ id: desks.id }).from(desks).where(and(eq(desks.economyCode, economy), eq(desks.area, area)));
  return row?.id ?? null;
}

const between = (...economies: string[]): Marking => ({ classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: economies, releasableOrganisations: [], sharingGroups: [], originatorControl: false });
const common = { handling: { code: 'H0' as const }, evaluation: { source: 'B' as const, accuracy: 2 as const }, cooperationKind: null, accessibility: null, hitReference: null };

/**
 * A few fictional conversations between the demo contact points, written through the
 * module's own services so that they carry the same checks, deadlines and audit events.
 */
export async function seedExchangeDemo(deps: AppDeps): Promise<void> {
  const [rs, al, mk, hr] = await Promise.all(['cp.rs@mosaic.demo', 'cp.al@mosaic.demo', 'cp.mk@mosaic.demo', 'cp.hr@mosaic.demo'].map((email) => demoActor(deps, email)));
  const [rsDesk, alDesk, mkDesk, hrDesk] = await Promise.all(['RS', 'AL', 'MK', 'HR'].map((economy) => deskId(deps, economy, 'police_cooperation')));
  if (!rs || !al || !mk || !hr || !rsDesk || !alDesk || !mkDesk || !hrDesk) return;
  const items = createExchangeService(deps);
  const requests = createRequestService(deps);
  const ip = '127.0.0.1';
  const send = (actor: UserActor, input: Omit<ItemCreateInput, 'urgency' | 'crimeArea'> & Partial<Pick<ItemCreateInput, 'urgency' | 'crimeArea'>>) =>
    items.create(actor, { urgency: 'normal', crimeArea: null, ...input }, ip);

  const delivery = await send(rs, {
    ...common,
    senderDeskId: rsDesk,
    recipientDeskIds: [alDesk],
    kind: 'police_cooperation_request',
    cooperationKind: 'controlled_delivery',
    accessibility: 'indirect',
    urgency: 'urgent',
    crimeArea: 'drugs',
    subject: 'Controlled delivery of a lorry from Durrës port towards Belgrade',
    bodyHtml: '<p>A lorry with a declared cargo of citrus fruit (plates DR 4471 AB, fictional) is expected to leave Durrës on Thursday. We ask your agreement to a controlled delivery across the Morinë–Vërmicë crossing and your officers’ support until the border with Kosovo*.</p>',
    marking: between('RS', 'AL'),
  });
  await requests.transition(al, delivery.item.id, { transition: 'accept', note: '' }, ip);

  const persons = await send(mk, {
    ...common,
    senderDeskId: mkDesk,
    recipientDeskIds: [hrDesk],
    kind: 'information_request',
    accessibility: 'direct',
    crimeArea: 'organised-crime',
    subject: 'Registered residence of Goran Šimić (born 1985)',
    bodyHtml: '<p>Please confirm whether <strong>Goran Šimić</strong>, born 11 November 1985, holds a registered residence in Croatia and since when. Needed for an ongoing investigation into car thefts.</p>',
    marking: between('MK', 'HR'),
  });
  await requests.transition(hr, persons.item.id, { transition: 'request_clarification', note: 'Which document number do you hold for him? Two persons of that name are registered.' }, ip);

  await send(al, {
    ...common,
    senderDeskId: alDesk,
    recipientDeskIds: [rsDesk, mkDesk],
    kind: 'information',
    crimeArea: 'small-arms',
    subject: 'Seizure of 14 converted pistols at Qafë Thanë',
    bodyHtml: '<p>On Monday our border police seized 14 converted gas pistols hidden in a minibus. Serial numbers attached to the case file; two match a pattern seen in earlier seizures in your economies.</p>',
    marking: { ...between('AL', 'RS', 'MK'), tlp: 'GREEN' },
  });
}
