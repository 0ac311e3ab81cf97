import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { users } from '../../db/schema/core';
import { encryptText } from '../../platform/crypto/secrets';
import type { AppDeps } from '../../platform/deps';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';

let lastOctet = 0;
/** A fresh client address per test keeps the per-address rate limit out of the way. */
export function nextIp(): string {
  lastOctet += 1;
  return `10.1.${Math.floor(lastOctet / 250)}.${lastOctet % 250}`;
}

export function codeAt(secret: string, at: Date): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

/** Gives the user an enrolled authenticator and recovery codes, as if enrolment had happened. */
export async function enrolUser(deps: AppDeps, userId: string) {
  const secret = new Secret({ size: 20 }).base32;
  const recoveryCodes = generateRecoveryCodes();
  await deps.db
    .update(users)
    .set({ totpSecretEncrypted: encryptText(deps.keys.encryption, secret), totpEnrolledAt: deps.clock(), recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) })
    .where(eq(users.id, userId));
  return { secret, recoveryCodes };
}

export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((cookie) => cookie.name === 'mosaic_session')?.value;
}

/** Headers for the session a response just set: the cookie and the CSRF token from its SessionView. */
export function headersFrom(response: LightMyRequestResponse, csrfToken?: string) {
  const token = sessionCookieOf(response);
  if (!token) throw new Error(`no session cookie in the response (${response.statusCode} ${response.body})`);
  const body = response.json() as { csrfToken?: string; session?: { csrfToken: string } };
  return { cookie: `mosaic_session=${token}`, 'x-csrf-token': csrfToken ?? body.csrfToken ?? body.session?.csrfToken ?? '' };
}

export function signIn(app: FastifyInstance, email: string, password: string, ip = nextIp(), headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: ip, headers });
}

export function sessionOf(app: FastifyInstance, headers: Record<string, string>) {
  return app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: headers.cookie ?? '' } });
}
