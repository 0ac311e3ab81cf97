/*
 * The public Security Web Portal: articles, document library, topics, regional initiatives,
 * events, key statistics, search. Public DTOs carry only published content whose publish time
 * has come; editor DTOs (`Editor*`) carry workflow state and are served only to editors.
 */
export * from './common';
export * from './topics';
export * from './articles';
export * from './documents';
export * from './events';
export * from './initiatives';
export * from './indicators';
export * from './search';
export * from './editor';
export * from './site';
