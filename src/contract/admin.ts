import { z } from 'zod';
import { singleLine } from './single-line';
import { Classification, DeskArea, EconomyCode, OrganisationKind, Page, PageQuery, Role, Uuid } from './core';

export const IdParams = z.object({ id: Uuid }).strict();
export const DeskMemberParams = z.object({ id: Uuid, userId: Uuid }).strict();

const Name = singleLine().trim().min(2, 'at least 2 characters').max(200);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable();

export const OrganisationInput = z
  .object({
    name: Name,
    /** Short form such as SIPA; empty for none. */
    acronym: OptionalText(30).optional(),
    kind: OrganisationKind,
    economy: EconomyCode,
    /** https address of the organisation's public website. */
    website: z
      .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(300)])
      .transform((value) => (value === '' ? null : value))
      .nullable()
      .optional(),
  })
  .strict();
export type OrganisationInput = z.input<typeof OrganisationInput>;

export const OrganisationUpdate = OrganisationInput.partial().strict();
export type OrganisationUpdate = z.input<typeof OrganisationUpdate>;

export const AdminUserView = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  organisation: z.object({ id: Uuid, name: z.string(), economy: z.string() }),
  roles: z.array(Role),
  clearance: Classification,
  /** Whether a second factor is enrolled; false after a reset until the user enrols again. */
  totpEnrolled: z.boolean(),
  disabled: z.boolean(),
  /** Signing in is locked after failed attempts, for the account or for one of its source addresses. */
  locked: z.boolean(),
  desks: z.array(z.object({ id: Uuid, name: z.string() })),
  createdAt: z.string(),
  /** update, disable, enable, resetCredentials, unlock: what the administrator may do to this account. */
  abilities: z.record(z.string(), z.boolean()),
});
export type AdminUserView = z.infer<typeof AdminUserView>;

export const UserListQuery = PageQuery.extend({
  /** Part of the name or e-mail. */
  q: singleLine().trim().max(100).optional(),
  economy: EconomyCode.optional(),
  organisationId: Uuid.optional(),
  role: Role.optional(),
  status: z.enum(['active', 'disabled']).optional(),
}).strict();
export type UserListQuery = z.infer<typeof UserListQuery>;

export const AdminUserPage = z.object({
  items: z.array(AdminUserView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminUserPage = z.infer<typeof AdminUserPage>;

const Roles = z
  .array(Role)
  .min(1, 'at least one role')
  .max(8)
  .refine((roles) => new Set(roles).size === roles.length, 'each role once');

export const UserCreateInput = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    displayName: Name,
    organisationId: Uuid,
    roles: Roles,
    clearance: Classification,
  })
  .strict();
export type UserCreateInput = z.input<typeof UserCreateInput>;

export const UserUpdateInput = z
  .object({
    displayName: Name,
    organisationId: Uuid,
    roles: Roles,
    clearance: Classification,
  })
  .partial()
  .strict();
export type UserUpdateInput = z.input<typeof UserUpdateInput>;

/** The answer to creating a user or resetting credentials: the password is shown this once. */
export const UserWithPassword = z.object({
  user: AdminUserView,
  /** One-time password to hand over securely; it is not stored and cannot be shown again. */
  oneTimePassword: z.string(),
});
export type UserWithPassword = z.infer<typeof UserWithPassword>;

export const DeskInput = z
  .object({
    economy: EconomyCode,
    area: DeskArea,
    name: Name,
    email: z
      .union([z.literal(''), z.string().trim().toLowerCase().email().max(254)])
      .transform((value) => (value === '' ? null : value))
      .nullable()
      .optional(),
  })
  .strict();
export type DeskInput = z.input<typeof DeskInput>;

/** Economy and area identify a desk and do not change; name and mailbox do. */
export const DeskUpdate = DeskInput.pick({ name: true, email: true }).partial().strict();
export type DeskUpdate = z.input<typeof DeskUpdate>;

export const DeskMemberInput = z.object({ userId: Uuid }).strict();
export type DeskMemberInput = z.infer<typeof DeskMemberInput>;

export const SharingGroupInput = z
  .object({
    name: Name,
    description: OptionalText(1000).optional(),
    economies: z.array(EconomyCode).max(50).default([]),
    organisationIds: z.array(Uuid).max(200).default([]),
  })
  .strict();
export type SharingGroupInput = z.input<typeof SharingGroupInput>;

export const SharingGroupUpdate = z
  .object({
    name: Name,
    description: OptionalText(1000),
    economies: z.array(EconomyCode).max(50),
    organisationIds: z.array(Uuid).max(200),
  })
  .partial()
  .strict();
export type SharingGroupUpdate = z.input<typeof SharingGroupUpdate>;

export const AccessChangeStatus = z.enum(['pending', 'approved', 'rejected']);
export type AccessChangeStatus = z.infer<typeof AccessChangeStatus>;
export const AccessChangeKind = z.enum(['user', 'desk_member', 'sharing_group', 'organisation']);
export type AccessChangeKind = z.infer<typeof AccessChangeKind>;
/** What a field of a waiting change is about; the web app names each value by it. */
export const AccessChangeField = z.enum(['organisation', 'roles', 'clearance', 'desk', 'economies', 'organisations', 'economy', 'kind']);
export type AccessChangeField = z.infer<typeof AccessChangeField>;

/** A value in a change: a code (role, clearance, kind, economy) or a record with its name. */
const ChangeValue = z.object({ value: z.string(), label: z.string() });
const Person = z.object({ id: Uuid, displayName: z.string(), email: z.string() });

export const AccessChangeView = z.object({
  id: Uuid,
  kind: AccessChangeKind,
  status: AccessChangeStatus,
  /** The record that changes: a user, a desk, a sharing group or an organisation. */
  subject: z.object({ type: z.string(), id: Uuid, label: z.string() }),
  /** For a desk seat: the user who joins the desk. */
  member: z.object({ id: Uuid, label: z.string() }).nullable(),
  /** Before → after for every field that waits, and what is new (who or what gains access). */
  changes: z.array(z.object({ field: AccessChangeField, from: z.array(ChangeValue), to: z.array(ChangeValue), added: z.array(ChangeValue) })),
  /** Every economy the change touches. */
  economies: z.array(z.string()),
  /** How many enabled accounts read more once the change applies. */
  affectedUsers: z.number().int(),
  proposedBy: Person,
  proposedAt: z.string(),
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
  /** Why it was rejected. */
  reason: z.string().nullable(),
  /** approve, reject: what this administrator may do with it. */
  abilities: z.record(z.string(), z.boolean()),
});
export type AccessChangeView = z.infer<typeof AccessChangeView>;

export const AccessChangePage = Page(AccessChangeView);
export type AccessChangePage = z.infer<typeof AccessChangePage>;

export const AccessChangeListQuery = PageQuery.extend({ status: AccessChangeStatus.default('pending') }).strict();
export type AccessChangeListQuery = z.infer<typeof AccessChangeListQuery>;

export const AccessChangeRejectInput = z
  .object({
    /** Why the change is refused; the proposer reads it. */
    reason: z.string().trim().min(3, 'at least 3 characters').max(500),
  })
  .strict();
export type AccessChangeRejectInput = z.infer<typeof AccessChangeRejectInput>;

/** A write whose widening part waits for a second administrator answers 202 with the waiting change. */
export const isAccessChange = (value: unknown): value is AccessChangeView => AccessChangeView.safeParse(value).success;
