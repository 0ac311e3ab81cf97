import { z } from 'zod';

export const ROLES = ['administrator', 'editor', 'contact_point', 'analyst', 'officer', 'donor', 'auditor', 'reader'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const CLASSIFICATIONS = ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'] as const;
export const Classification = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof Classification>;

export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export const Tlp = z.enum(TLP_LEVELS);
export type Tlp = z.infer<typeof Tlp>;

export const ORGANISATION_KINDS = [
  'police',
  'border',
  'customs',
  'prosecution',
  'judiciary',
  'intelligence',
  'defence',
  'interior',
  'foreign_affairs',
  'regional_body',
  'international_organisation',
  'donor',
  'ngo',
  'academia',
  'media',
] as const;
export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const DESK_AREAS = [
  'police_cooperation',
  'mutual_legal_assistance',
  'cve_ftf',
  'border',
  'salw',
  'customs',
  'wanted_persons',
] as const;
export const DeskArea = z.enum(DESK_AREAS);
export type DeskArea = z.infer<typeof DeskArea>;

/** Economy code: ISO 3166-1 alpha-2, XK for Kosovo*, or a pseudo-code for a regional body. */
export const EconomyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'an economy code such as RS or XK');

export const Uuid = z.uuid();

/**
 * The marking every non-public record carries (design §2). Releasability lists who may
 * receive it besides the originating organisation.
 */
export const Marking = z
  .object({
    classification: Classification,
    tlp: Tlp,
    releasableEconomies: z.array(EconomyCode).max(50).default([]),
    releasableOrganisations: z.array(Uuid).max(200).default([]),
    sharingGroups: z.array(Uuid).max(20).default([]),
    /** Onward sharing needs the originator's consent. */
    originatorControl: z.boolean().default(false),
  })
  .strict();
export type Marking = z.infer<typeof Marking>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  /** A stable name of the refusal, where the module gives one (e.g. `exchange.settings.not_manager`): clients translate it. */
  code: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
