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
    /**
     * One of the account's recovery codes: it stands in for the second factor and lifts a
     * lockout of the account (the owner's way back in while someone else fails its password).
     */
    recoveryCode: z.string().trim().min(10).max(32).optional(),
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

/** What a user sees while setting up an authenticator app. */
export const EnrolmentStartView = z.object({
  /** The new TOTP secret in base32, for typing into an app by hand. */
  secret: z.string(),
  /** The otpauth:// URL the QR code carries. */
  otpauthUrl: z.string(),
  /** The QR code as an SVG document rendered by the server (no third-party service). */
  qrSvg: z.string(),
});
export type EnrolmentStartView = z.infer<typeof EnrolmentStartView>;

/** Setting up a new authenticator from a signed-in session needs the current password. */
export const EnrolmentStartInput = z
  .object({
    currentPassword: z.string().min(1).max(256).optional(),
  })
  .strict();
export type EnrolmentStartInput = z.infer<typeof EnrolmentStartInput>;

export const EnrolmentConfirmInput = SecondFactorInput;
export type EnrolmentConfirmInput = z.infer<typeof EnrolmentConfirmInput>;

export const RECOVERY_CODE_COUNT = 10;

/** One-time recovery codes, shown once: only their hashes are stored. */
export const RecoveryCodesView = z.object({ recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT) });
export type RecoveryCodesView = z.infer<typeof RecoveryCodesView>;

export const EnrolmentConfirmView = RecoveryCodesView.extend({
  /** The session after enrolment: full, with a new CSRF token. */
  session: SessionView,
});
export type EnrolmentConfirmView = z.infer<typeof EnrolmentConfirmView>;

export const ProfileDesk = z.object({
  id: z.uuid(),
  name: z.string(),
  economy: z.string(),
  area: z.string(),
});

/** The signed-in user's own account. */
export const ProfileView = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  economy: z.object({ code: z.string(), name: z.string() }),
  roles: z.array(Role),
  clearance: Classification,
  desks: z.array(ProfileDesk),
  /** When the authenticator app was set up; null when not (yet) enrolled. */
  secondFactorEnrolledAt: z.string().nullable(),
  /** How many unused recovery codes remain. */
  recoveryCodesLeft: z.number().int(),
  passwordChangedAt: z.string(),
});
export type ProfileView = z.infer<typeof ProfileView>;

/** One signed-in browser of the user; `id` is a short, non-secret handle on it. */
export const ProfileSession = z.object({
  id: z.string(),
  stage: z.enum(['second_factor', 'enrolment', 'full']),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type ProfileSession = z.infer<typeof ProfileSession>;

export const ProfileSessionList = z.object({ items: z.array(ProfileSession) });
export type ProfileSessionList = z.infer<typeof ProfileSessionList>;

export const ProfileSessionParams = z.object({ id: z.string().regex(/^[0-9a-f]{12}$/, 'a session id of 12 hex characters') }).strict();

export const PASSWORD_MIN_CHARS = 12;

export const PasswordChangeInput = z
  .object({
    currentPassword: z.string().min(1).max(256),
    /** At least 12 characters and not the e-mail address. */
    newPassword: z.string().min(PASSWORD_MIN_CHARS).max(256),
  })
  .strict();
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

export const RecoveryCodesRegenerateInput = z
  .object({
    /** A current 6-digit code from the authenticator app. */
    code: z.string().trim().regex(/^\d{6}$/, 'a 6-digit code'),
  })
  .strict();
export type RecoveryCodesRegenerateInput = z.infer<typeof RecoveryCodesRegenerateInput>;
