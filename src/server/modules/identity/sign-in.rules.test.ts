import { describe, expect, it } from 'vitest';
import { ACCOUNT_CEILING, accountLockDurationMs, isLocked, lockDurationMs, passwordProblem, requiresSecondFactor, sourceOf, stageAfterPassword } from './sign-in.rules';
import { hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes';
import { matchTotpStep, currentTotpCode, generateTotpSecret } from './totp';

describe('sign-in rules', () => {
  it('locks after five failures for a minute, doubling up to an hour', () => {
    expect([1, 2, 3, 4].map(lockDurationMs)).toEqual([null, null, null, null]);
    expect(lockDurationMs(5)).toBe(60_000);
    expect(lockDurationMs(6)).toBe(120_000);
    expect(lockDurationMs(8)).toBe(480_000);
    expect(lockDurationMs(11)).toBe(3_600_000);
    expect(lockDurationMs(50)).toBe(3_600_000);
  });

  it('locks the whole account only at the ceiling, for a quarter of an hour doubling up to a day', () => {
    expect(accountLockDurationMs(ACCOUNT_CEILING - 1)).toBeNull();
    expect(accountLockDurationMs(ACCOUNT_CEILING)).toBe(15 * 60_000);
    expect(accountLockDurationMs(ACCOUNT_CEILING + 1)).toBe(30 * 60_000);
    expect(accountLockDurationMs(ACCOUNT_CEILING + 40)).toBe(24 * 3_600_000);
  });

  it('counts an IPv4 address alone and an IPv6 address by its /64 network', () => {
    expect(sourceOf('192.0.2.7')).toBe('192.0.2.7');
    expect(sourceOf('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(sourceOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:0db8:0001:0003::1')).toBe('2001:db8:1:3::/64');
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
  });

  it('knows when a lock is over', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(isLocked({ lockedUntil: null }, now)).toBe(false);
    expect(isLocked({ lockedUntil: new Date(now.getTime() + 1) }, now)).toBe(true);
    expect(isLocked({ lockedUntil: now }, now)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });

  it('requires a second factor of every role except reader', () => {
    expect(requiresSecondFactor(['reader'])).toBe(false);
    expect(requiresSecondFactor(['reader', 'editor'])).toBe(true);
    expect(requiresSecondFactor(['administrator'])).toBe(true);
    expect(stageAfterPassword({ roles: ['reader'], totpEnrolledAt: null })).toBe('full');
    expect(stageAfterPassword({ roles: ['reader'], totpEnrolledAt: new Date() })).toBe('second_factor');
    expect(stageAfterPassword({ roles: ['officer'], totpEnrolledAt: null })).toBe('enrolment');
    expect(stageAfterPassword({ roles: ['officer'], totpEnrolledAt: new Date() })).toBe('second_factor');
  });

  it('refuses short passwords and the e-mail address', () => {
    expect(passwordProblem('short', 'a@b.test', 12)).toContain('12');
    expect(passwordProblem(' Someone@Example.test ', 'someone@example.test', 12)).toContain('e-mail');
    expect(passwordProblem('a long enough passphrase', 'a@b.test', 12)).toBeNull();
  });
});

describe('codes', () => {
  it('reads recovery codes in any case and spacing', () => {
    expect(normaliseRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(hashRecoveryCode('abcde-fghjk')).toBe(hashRecoveryCode('ABCDEFGHJK'));
  });

  it('matches a TOTP code to its time-step within one step either side', () => {
    const secret = generateTotpSecret();
    const at = new Date('2030-01-01T00:00:15Z');
    const step = Math.floor(at.getTime() / 30_000);
    expect(matchTotpStep(secret, currentTotpCode(secret, at), at)).toBe(step);
    expect(matchTotpStep(secret, currentTotpCode(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(matchTotpStep(secret, currentTotpCode(secret, new Date(at.getTime() - 60_000)), at)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', at)).toBeNull();
  });
});
