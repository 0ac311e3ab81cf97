/**
 * The wanted register's contract, in three files: alerts, import and marking options
 * (`wanted-core.ts`), screening (`wanted-screening.ts`) and hits (`wanted-hits.ts`). Import
 * from here; the parts do not import this barrel, so there is no cycle.
 */
export * from './wanted-core';
export * from './wanted-screening';
export * from './wanted-hits';
