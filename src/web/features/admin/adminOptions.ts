import type { TFunction } from 'i18next';
import { CLASSIFICATIONS, DESK_AREAS, ORGANISATION_KINDS, ROLES } from '../../../contract/core';

/** Select options with translated labels; the values are the contract's. */
export const roleOptions = (t: TFunction) => ROLES.map((role) => ({ value: role, label: t(`admin:roles.${role}`) }));
export const kindOptions = (t: TFunction) => ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`admin:kinds.${kind}`) }));
export const areaOptions = (t: TFunction) => DESK_AREAS.map((area) => ({ value: area, label: t(`admin:areas.${area}`) }));
export const clearanceOptions = (t: TFunction) => CLASSIFICATIONS.map((level) => ({ value: level, label: t(`admin:clearances.${level}`) }));
