import type { DuplicateCheckInput, DuplicateCheckResult } from '../../../contract/wanted-alerts';
import { type WantedKind, isPersonKind } from '../../../contract/wanted';
import type { Actor, UserActor } from '../../access/actor';
import { normalizeDocumentNumber, normalizeSerial, normalizeVin } from '../../../matching';
import { ConflictProblem } from '../../platform/http/errors';
import { alertRecord, presentAlertSummary } from './alerts.presenter';
import { requireUser, type WantedDeps } from './alerts.service';
import { type Compatibility, compatibilityOf, isBlocking } from './compatibility';
import { candidatesByIdentifier } from './screening.queries';
import { scorePersonScreening } from './screening.retrieval';
import { labelFor, plateKey } from './wanted.fields';
import { canReadAlert } from './wanted.policy';
import { type AlertWithDesk, findAlertsByIds, listIdentifiers } from './wanted.queries';

const MAX_EXISTING = 20;

export interface SubjectQuery {
  kind: WantedKind;
  name?: string;
  dateOfBirth?: string;
  documentNumber?: string;
  /** Normalised identifiers, as stored. */
  identifiers: { kind: string; normalized: string }[];
}

interface Existing {
  alert: AlertWithDesk;
  decision: 'match' | 'possible';
  compatibility: Compatibility;
  blocking: boolean;
  readable: boolean;
}

/** The identifiers of a check, normalised as the alert would store them. */
export function subjectOfCheck(input: DuplicateCheckInput): SubjectQuery {
  const identifiers: SubjectQuery['identifiers'] = [];
  const add = (kind: string, value: string | undefined, normalize: (raw: string) => string) => {
    const normalized = value ? normalize(value) : '';
    if (normalized) identifiers.push({ kind, normalized });
  };
  add('vin', input.vin, normalizeVin);
  add('plate', input.plate, plateKey);
  add('serial', input.serial, normalizeSerial);
  add('document', input.documentNumber, normalizeDocumentNumber);
  for (const identifier of input.identifiers ?? []) add('other', identifier, normalizeSerial);
  return { kind: input.kind, name: input.name, dateOfBirth: input.dateOfBirth, documentNumber: input.documentNumber, identifiers };
}

/**
 * Before an alert is entered: the active alerts on the same subject (the screening engine's
 * match or possible match on name and date of birth, or the same identifier), and whether SIS's
 * one-alert-per-economy and compatibility rules let the new one stand beside each.
 */
export function createDuplicateService(deps: WantedDeps) {
  const { db, audit, clock } = deps;

  async function findExisting(user: UserActor, subject: SubjectQuery): Promise<Existing[]> {
    const now = clock();
    let scored: { alertId: string; decision: 'match' | 'possible' }[] = [];
    if (isPersonKind(subject.kind)) {
      if (subject.name?.trim()) {
        const documentNumber = subject.documentNumber ? normalizeDocumentNumber(subject.documentNumber) : '';
        const found = await scorePersonScreening(db, { name: subject.name.trim(), dateOfBirth: subject.dateOfBirth, documentNumber }, now);
        scored = found.flatMap((item) => (item.decision === 'no_match' ? [] : [{ alertId: item.alertId, decision: item.decision }]));
      }
    } else {
      const found = await candidatesByIdentifier(db, subject.identifiers, now);
      scored = [...new Set(found.map((item) => item.alertId))].map((alertId) => ({ alertId, decision: 'match' as const }));
    }
    const decisions = new Map(scored.slice(0, MAX_EXISTING).map((item) => [item.alertId, item.decision]));
    const alerts = await findAlertsByIds(db, [...decisions.keys()]);
    return alerts
      .filter((alert) => isPersonKind(alert.kind) === isPersonKind(subject.kind))
      .map((alert) => {
        const compatibility = compatibilityOf(subject.kind, alert.kind);
        const decision = decisions.get(alert.id)!;
        // Only a clear match is the same subject; a possible match is shown, never enforced.
        const blocking = decision === 'match' && isBlocking(compatibility, alert.ownerEconomy === user.economy);
        return { alert, decision, compatibility, blocking, readable: canReadAlert(user, alertRecord(alert, now)) };
      });
  }

  return {
    check: async (actor: Actor, input: DuplicateCheckInput, ip: string): Promise<DuplicateCheckResult> => {
      const user = requireUser(actor);
      const existing = await findExisting(user, subjectOfCheck(input));
      const readableIds = existing.filter((item) => item.readable).map((item) => item.alert.id);
      const identifiers = await listIdentifiers(db, readableIds);
      // Nothing about what was found: it may include alerts that other audit readers may not see.
      await audit.record({ actor, ip }, { action: 'wanted.alert.check', details: { kind: input.kind } });
      const now = clock();
      return {
        existing: existing.map((item) => item.readable
          ? {
              visibility: 'full' as const,
              alert: presentAlertSummary(item.alert, labelFor(item.alert, identifiers.filter((row) => row.alertId === item.alert.id)), now),
              decision: item.decision,
              compatibility: item.compatibility,
              blocking: item.blocking,
            }
          : { visibility: 'hit' as const, holdingDesk: { economy: item.alert.desk.economy, area: item.alert.desk.area, name: item.alert.desk.name }, decision: item.decision, blocking: item.blocking }),
      };
    },

    /** Refuses an alert that SIS's rules would not let stand beside an existing one of the same economy. */
    assertNoConflict: async (user: UserActor, subject: SubjectQuery): Promise<void> => {
      const blocking = (await findExisting(user, subject)).filter((item) => item.blocking);
      if (blocking.length === 0) return;
      const first = blocking[0]!;
      const what = first.compatibility === 'duplicate' ? 'already has an alert of this category' : 'already has an alert that is incompatible with this kind';
      // The reference is named only when the author may read that alert; otherwise the desk, as a hit would.
      const which = first.readable ? `${first.alert.reference}, held by ${first.alert.desk.name}` : `an alert held by ${first.alert.desk.name}`;
      throw new ConflictProblem(`Your economy ${what} on the same subject (${which}). One alert per economy per subject: change or extend that alert, or ask that desk.`);
    },
  };
}
