import { ACTIVITY_STATUSES, ORGANISATION_ROLES, TRANSACTION_TYPES } from '../../../contract/registry';

/** The codes IATI 2.03 gives to the registry's enumerations (its code lists number them from 1). */
export const statusCode = (status: (typeof ACTIVITY_STATUSES)[number]) => String(ACTIVITY_STATUSES.indexOf(status) + 1);
export const roleCode = (role: (typeof ORGANISATION_ROLES)[number]) => String(ORGANISATION_ROLES.indexOf(role) + 1);
export const transactionCode = (type: (typeof TRANSACTION_TYPES)[number]) => String(TRANSACTION_TYPES.indexOf(type) + 2);
export const statusOf = (code: string) => ACTIVITY_STATUSES[Number(code) - 1];
export const roleOf = (code: string) => ORGANISATION_ROLES[Number(code) - 1];
export const transactionOf = (code: string) => TRANSACTION_TYPES[Number(code) - 2];
export const RESULT_CODES = { output: '1', outcome: '2', impact: '3' } as const;
export const resultOf = (code: string) => (Object.entries(RESULT_CODES).find(([, value]) => value === code)?.[0] ?? null) as keyof typeof RESULT_CODES | null;

/** Vocabulary 99 (the reporting organisation's own) for the portal's topics and the target groups. */
export const TOPIC_VOCABULARY = 'urn:mosaic:registry:topics';
export const TARGET_GROUP_VOCABULARY = 'urn:mosaic:registry:target-groups';
/** Location administrative vocabulary A4: ISO 3166-1 alpha-2 codes. */
export const COUNTRY_VOCABULARY = 'A4';
export const WGS84 = 'http://www.opengis.net/def/crs/EPSG/0/4326';
