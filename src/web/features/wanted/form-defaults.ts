import type { Marking } from '../../../contract/core';
import type { MarkingOptions } from '../../../contract/wanted';

/** The user's wanted-persons desk first, else their first desk. */
export function defaultDeskId(options: MarkingOptions): string | null {
  return (options.issuingDesks.find((desk) => desk.area === 'wanted_persons') ?? options.issuingDesks[0])?.id ?? null;
}

/** A marking the server accepts as it is: RESTRICTED, TLP:AMBER, released to the desk's own economy. */
export function defaultMarking(options: MarkingOptions, deskId: string | null): Marking {
  const economy = options.issuingDesks.find((desk) => desk.id === deskId)?.economy;
  return { classification: 'RESTRICTED', tlp: 'AMBER', releasableEconomies: economy ? [economy] : [], releasableOrganisations: [], sharingGroups: [], originatorControl: false };
}
