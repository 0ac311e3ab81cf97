import { z } from 'zod';
import { Classification, Role } from './core';

export const SessionStage = z.enum(['anonymous', 'second_factor', 'enrolment', 'full']);
export type SessionStage = z.infer<typeof SessionStage>;

export const SessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  economy: z.string(),
  roles: z.array(Role),
  clearance: Classification,
  deskIds: z.array(z.uuid()),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** What the web app knows about who is signed in; `abilities` drive what it shows. */
export const SessionView = z.object({
  stage: SessionStage,
  /** Send back in `x-csrf-token` on every state-changing request. */
  csrfToken: z.string().nullable(),
  user: SessionUser.nullable(),
  /** App-level actions of the catalogue the user may take (navigation, buttons). */
  abilities: z.record(z.string(), z.boolean()),
});
export type SessionView = z.infer<typeof SessionView>;

export const SignInInput = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(256),
  })
  .strict();
export type SignInInput = z.infer<typeof SignInInput>;

export const SecondFactorInput = z
  .object({
    /** A 6-digit TOTP code or a recovery code. */
    code: z.string().trim().min(6).max(32),
  })
  .strict();
export type SecondFactorInput = z.infer<typeof SecondFactorInput>;
