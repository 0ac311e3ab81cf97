import { and, count, eq, inArray } from 'drizzle-orm';
import type { Marking } from '../../../contract/core';
import type { AlertFields, WantedKind } from '../../../contract/wanted';
import type { LinkRelation } from '../../../contract/wanted-actions';
import type { UserActor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import { deskMembers, desks, organisations, sharingGroups, users } from '../../db/schema/core';
import type { AppDeps } from '../../platform/deps';
import { insertAlertLink } from './alert-extras.queries';
import { insertDraftedAlert } from './alerts.service';
import { draftAlert } from './wanted.fields';
import { wantedAlerts } from './wanted.schema';

/** Economies whose wanted-persons desk issues the demo alerts, with the contact point who does. */
const ISSUERS: Record<string, string> = { RS: 'cp.rs@mosaic.demo', HR: 'cp.hr@mosaic.demo', AL: 'cp.al@mosaic.demo', MK: 'cp.mk@mosaic.demo' };

type Audience = 'everyone' | 'own-economy' | 'western-balkans' | 'own-organisation' | 'region-confidential';

interface DemoAlert {
  economy: keyof typeof ISSUERS;
  kind: WantedKind;
  audience: Audience;
  fields: AlertFields;
  /** Another demo alert (by name, or by VIN for a vehicle) this one is linked to. */
  link?: { to: string; relation: LinkRelation };
  /** Days from now; negative for an alert whose validity has ended. */
  validDays?: number;
  reviewInDays?: number;
}


// Fictional people; any likeness to real persons is coincidental.
const PERSONS: DemoAlert[] = [
  { economy: 'RS', kind: 'person_arrest', audience: 'own-economy', fields: {
    name: 'Ђорђевић Ђорђе', aliases: ['Đorđe Đorđević'], dateOfBirth: '1984-03-12', nationality: 'RS', warrantReference: 'K-412/2024 Viši sud u Beogradu',
    sex: 'male', physicalDescription: '178 cm, stocky, dark short hair, scar above the right eyebrow', languages: ['sr', 'en', 'de'],
    actionToTake: 'May be armed: call the RS wanted-persons desk (24/7) before the arrest.',
  }, reviewInDays: 10 },
  { economy: 'RS', kind: 'person_arrest', audience: 'everyone', fields: { name: 'Милош Станковић', dateOfBirth: '1979-11-02', nationality: 'RS', warrantReference: 'Kv-88/2025' } },
  { economy: 'RS', kind: 'person_locate', audience: 'western-balkans', fields: { name: 'Jelena Marković', dateOfBirth: '1991-06-30', nationality: 'RS', sex: 'female', languages: ['sr', 'hu'] }, link: { to: 'Ђорђевић Ђорђе', relation: 'associate' } },
  { economy: 'RS', kind: 'person_missing_minor', audience: 'everyone', fields: { name: 'Ана Николић', dateOfBirth: '2011-09-17', nationality: 'RS' } },
  { economy: 'RS', kind: 'person_check', audience: 'own-organisation', fields: { name: 'Бранислав Илић', aliases: ['Bane Ilić'], dateOfBirth: '1975-01-22', nationality: 'RS' } },
  { economy: 'RS', kind: 'person_arrest', audience: 'region-confidential', fields: { name: 'Stefan Radovanović', dateOfBirth: '1988-12-05', nationality: 'RS', warrantReference: 'K-77/2025' } },
  { economy: 'RS', kind: 'person_missing_adult', audience: 'everyone', fields: { name: 'Драгана Павловић', dateOfBirth: '1969-04-08', nationality: 'RS' } },
  { economy: 'RS', kind: 'person_locate', audience: 'own-economy', fields: { name: 'Небојша Ђурић', dateOfBirth: '1983-07-19', nationality: 'BA' } },
  { economy: 'RS', kind: 'person_arrest', audience: 'everyone', fields: { name: 'Vladimir Popović', dateOfBirth: '1990-02-14', nationality: 'ME', warrantReference: 'K-19/2023' }, validDays: -20 },
  { economy: 'RS', kind: 'person_check', audience: 'western-balkans', fields: { name: 'Зоран Стојановић', dateOfBirth: '1972-10-01', nationality: 'RS' } },
  { economy: 'HR', kind: 'person_arrest', audience: 'everyone', fields: {
    name: 'Ivan Horvatić', dateOfBirth: '1986-05-27', nationality: 'HR', warrantReference: 'Kir-204/2024 ŽS Zagreb', sex: 'male', identityMisused: true,
    remarks: 'The wanted man travels on the stolen identity documents of a real Ivan Horvatić: check the photo and fingerprints before acting.',
  } },
  { economy: 'HR', kind: 'person_arrest', audience: 'own-economy', fields: { name: 'Marija Knežević', dateOfBirth: '1993-08-09', nationality: 'HR', warrantReference: 'Kir-51/2025' } },
  { economy: 'HR', kind: 'person_missing_minor', audience: 'everyone', fields: { name: 'Luka Babić', dateOfBirth: '2010-12-24', nationality: 'HR' } },
  { economy: 'HR', kind: 'person_locate', audience: 'everyone', fields: { name: 'Dražen Kovačić', dateOfBirth: '1977-03-03', nationality: 'HR' } },
  { economy: 'HR', kind: 'person_check', audience: 'own-organisation', fields: { name: 'Tomislav Jurić', dateOfBirth: '1981-09-14', nationality: 'HR' } },
  { economy: 'HR', kind: 'person_arrest', audience: 'western-balkans', fields: { name: 'Goran Šimić', aliases: ['Goran Simic'], dateOfBirth: '1985-11-11', nationality: 'BA', warrantReference: 'Kir-300/2024' } },
  { economy: 'HR', kind: 'person_missing_adult', audience: 'everyone', fields: { name: 'Ana Perić', dateOfBirth: '1958-02-02', nationality: 'HR' } },
  { economy: 'HR', kind: 'person_arrest', audience: 'region-confidential', fields: { name: 'Nikola Vuković', dateOfBirth: '1980-01-30', nationality: 'HR', warrantReference: 'Kir-12/2025' } },
  { economy: 'HR', kind: 'person_locate', audience: 'own-economy', fields: { name: 'Ante Matić', dateOfBirth: '1994-04-21', nationality: 'HR' }, reviewInDays: 5 },
  { economy: 'HR', kind: 'person_check', audience: 'everyone', fields: { name: 'Mehmet Yılmaz', dateOfBirth: '1987-07-07', nationality: 'TR' } },
  { economy: 'AL', kind: 'person_arrest', audience: 'everyone', fields: { name: 'Arben Hoxha', dateOfBirth: '1982-06-16', nationality: 'AL', warrantReference: 'Nr. 1421 Gjykata e Tiranës' } },
  { economy: 'AL', kind: 'person_arrest', audience: 'own-economy', fields: { name: 'Gjergj Gjokaj', aliases: ['Gjergj Gjoka'], dateOfBirth: '1978-09-28', nationality: 'AL', warrantReference: 'Nr. 88/2025' } },
  { economy: 'AL', kind: 'person_locate', audience: 'western-balkans', fields: { name: 'Elira Shehu', dateOfBirth: '1995-03-18', nationality: 'AL' } },
  { economy: 'AL', kind: 'person_missing_minor', audience: 'everyone', fields: { name: 'Besnik Krasniqi', dateOfBirth: '2012-05-05', nationality: 'XK' } },
  { economy: 'AL', kind: 'person_check', audience: 'own-organisation', fields: { name: 'Dritan Çela', dateOfBirth: '1976-12-12', nationality: 'AL' } },
  { economy: 'AL', kind: 'person_arrest', audience: 'everyone', fields: { name: 'Γιώργος Παπαδόπουλος', aliases: ['Giorgos Papadopoulos'], dateOfBirth: '1980-10-10', nationality: 'GR', warrantReference: 'Nr. 301/2024' } },
  { economy: 'AL', kind: 'person_locate', audience: 'region-confidential', fields: { name: 'Ilir Berisha', dateOfBirth: '1989-08-08', nationality: 'XK' } },
  { economy: 'AL', kind: 'person_missing_adult', audience: 'everyone', fields: { name: 'Mirela Dervishi', dateOfBirth: '1999-01-15', nationality: 'AL' } },
  { economy: 'AL', kind: 'person_arrest', audience: 'western-balkans', fields: { name: 'Gjorgji Gjorgjevski', dateOfBirth: '1984-03-12', nationality: 'MK', warrantReference: 'Nr. 45/2025' } },
  { economy: 'AL', kind: 'person_check', audience: 'everyone', fields: { name: 'Ion Popescu', dateOfBirth: '1974-05-25', nationality: 'RO' } },
  { economy: 'MK', kind: 'person_arrest', audience: 'everyone', fields: { name: 'Трајче Трајковски', dateOfBirth: '1983-02-20', nationality: 'MK', warrantReference: 'К-бр. 211/24 ОС Скопје' } },
  { economy: 'MK', kind: 'person_arrest', audience: 'own-economy', fields: { name: 'Елена Трајковска', dateOfBirth: '1992-11-29', nationality: 'MK', warrantReference: 'К-бр. 17/25' } },
  { economy: 'MK', kind: 'person_locate', audience: 'western-balkans', fields: { name: 'Бојан Николовски', dateOfBirth: '1987-06-06', nationality: 'MK' } },
  { economy: 'MK', kind: 'person_missing_minor', audience: 'everyone', fields: { name: 'Марија Стефановска', dateOfBirth: '2013-04-04', nationality: 'MK' } },
  { economy: 'MK', kind: 'person_check', audience: 'own-organisation', fields: { name: 'Драган Јовановски', dateOfBirth: '1971-08-18', nationality: 'MK' } },
  { economy: 'MK', kind: 'person_arrest', audience: 'everyone', fields: { name: 'Димитър Георгиев', aliases: ['Dimitar Georgiev'], dateOfBirth: '1979-12-01', nationality: 'BG', warrantReference: 'К-бр. 90/24' } },
  { economy: 'MK', kind: 'person_locate', audience: 'region-confidential', fields: { name: 'Aleksandar Petrovski', dateOfBirth: '1990-09-09', nationality: 'MK' } },
  { economy: 'MK', kind: 'person_missing_adult', audience: 'everyone', fields: { name: 'Ljubica Stojanovska', dateOfBirth: '1965-07-27', nationality: 'MK' } },
  { economy: 'MK', kind: 'person_arrest', audience: 'western-balkans', fields: { name: 'Νίκος Αντωνίου', dateOfBirth: '1986-01-13', nationality: 'GR', warrantReference: 'К-бр. 33/25' } },
  { economy: 'MK', kind: 'person_check', audience: 'everyone', fields: { name: 'Ahmet Demir', dateOfBirth: '1984-10-30', nationality: 'TR' } },
];

const OBJECTS: DemoAlert[] = [
  { economy: 'RS', kind: 'vehicle', audience: 'everyone', fields: { vin: 'VF1RFB00860520813', plate: 'NS 482-KT', make: 'Renault', model: 'Mégane', colour: 'grey', remarks: 'Stolen in Novi Sad.' }, link: { to: 'Ђорђевић Ђорђе', relation: 'vehicle_used' } },
  { economy: 'HR', kind: 'vehicle', audience: 'own-economy', fields: { vin: 'ZFA31200900708244', plate: 'ZG 1234-AB', make: 'Fiat', model: 'Punto', colour: 'red' } },
  { economy: 'AL', kind: 'firearm', audience: 'everyone', fields: { serial: 'AK-4471O2', make: 'Zastava', calibre: '7.62×39', firearmType: 'assault rifle' } },
  { economy: 'MK', kind: 'document', audience: 'everyone', fields: { documentNumber: 'M 0048213', documentType: 'passport', issuingEconomy: 'MK', actionCode: 'report_to_desk', actionToTake: 'Retain the document.' } },
  { economy: 'RS', kind: 'object', audience: 'western-balkans', fields: { description: 'Icon of St Nicholas, 18th century, tempera on wood, 40×32 cm', identifiers: ['INV-SPC-1187'] } },
];


function markingFor(audience: Audience, economy: string, organisationId: string, westernBalkansGroup: string | null): Marking {
  const base = { releasableEconomies: [], releasableOrganisations: [], sharingGroups: [], originatorControl: false };
  switch (audience) {
    case 'everyone':
      return { ...base, classification: 'RESTRICTED', tlp: 'GREEN' };
    case 'own-economy':
      return { ...base, classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: [economy] };
    case 'western-balkans':
      return westernBalkansGroup
        ? { ...base, classification: 'RESTRICTED', tlp: 'AMBER', sharingGroups: [westernBalkansGroup] }
        : { ...base, classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: ['AL', 'BA', 'ME', 'MK', 'RS', 'XK'] };
    case 'own-organisation':
      return { ...base, classification: 'CONFIDENTIAL', tlp: 'RED', releasableOrganisations: [organisationId], originatorControl: true };
    case 'region-confidential':
      return { ...base, classification: 'CONFIDENTIAL', tlp: 'GREEN' };
  }
}

/**
 * Demo alerts (docs/wanted.md lists the facts browser checks rely on). Runs after the core
 * seed; looks desks and contact points up by economy and e-mail and skips what is missing.
 */
export async function seedWantedDemo(deps: AppDeps): Promise<number> {
  const { db, audit } = deps;
  const [existing] = await db.select({ total: count() }).from(wantedAlerts);
  if ((existing?.total ?? 0) > 0) return 0;
  const issuers = await db
    .select({ user: users, organisation: organisations, deskId: desks.id, economy: desks.economyCode })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(deskMembers, eq(deskMembers.userId, users.id))
    .innerJoin(desks, and(eq(desks.id, deskMembers.deskId), eq(desks.area, 'wanted_persons')))
    .where(inArray(users.email, Object.values(ISSUERS)));
  const [group] = await db.select({ id: sharingGroups.id }).from(sharingGroups).where(eq(sharingGroups.name, 'Western Balkans'));
  const now = deps.clock();
  const day = 86_400_000;
  let created = 0;
  const idsByName = new Map<string, string>();
  const pendingLinks: { from: string; to: string; relation: LinkRelation; createdBy: string }[] = [];
  await audit.command(async (tx) => {
    for (const alert of [...PERSONS, ...OBJECTS]) {
      const issuer = issuers.find((row) => row.economy === alert.economy && row.user.email === ISSUERS[alert.economy]);
      if (!issuer) continue;
      const actor: UserActor = {
        kind: 'user', userId: issuer.user.id, email: issuer.user.email, displayName: issuer.user.displayName,
        organisationId: issuer.organisation.id, organisationName: issuer.organisation.name, economy: issuer.economy,
        roles: ['contact_point'], clearance: 'CONFIDENTIAL', deskIds: [issuer.deskId], sharingGroupIds: [],
      };
      const fields = alert.fields;
      const validDays = alert.validDays ?? 365;
      const validFrom = new Date(now.getTime() - (validDays < 0 ? 400 : 30) * day);
      const drafted = draftAlert(alert.kind, fields, now);
      if ('problems' in drafted) throw new Error(`demo alert ${fields.name ?? alert.kind}: ${drafted.problems.map((p) => p.message).join('; ')}`);
      const row = await insertDraftedAlert(tx, actor, {
        kind: alert.kind,
        issuingDeskId: issuer.deskId,
        marking: markingFor(alert.audience, alert.economy, issuer.organisation.id, group?.id ?? null),
        validFrom,
        validUntil: new Date(now.getTime() + validDays * day),
        reviewAt: alert.reviewInDays ? new Date(now.getTime() + alert.reviewInDays * day) : null,
        fields,
      }, drafted.draft, now);
      await audit.append(tx, { actor }, { action: 'wanted.alert.create', recordType: 'wanted_alert', recordId: row.id, details: { kind: alert.kind, via: 'demo seed' }, subject: auditSubjectOf(row) });
      created += 1;
      idsByName.set(fields.name ?? fields.vin ?? row.reference, row.id);
      if (alert.link) pendingLinks.push({ from: row.id, createdBy: issuer.user.id, ...alert.link });
    }
    for (const link of pendingLinks) {
      const target = idsByName.get(link.to);
      if (target) await insertAlertLink(tx, { alertId: link.from, linkedAlertId: target, relation: link.relation, createdBy: link.createdBy, createdAt: now });
    }
  });
  return created;
}
