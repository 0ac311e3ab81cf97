import crypto from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '../../../contract/identity';
import { sha256Hex } from '../../platform/crypto/secrets';

// 31 letters and digits without look-alikes (0/o, 1/l/i): ten of them carry about 49 bits.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function randomCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, randomCode);
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Recovery codes are random and long, so a plain SHA-256 is enough to store them. */
export function hashRecoveryCode(code: string): string {
  return sha256Hex(`mosaic-recovery:${normaliseRecoveryCode(code)}`);
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normaliseRecoveryCode(code).length === 10;
}
