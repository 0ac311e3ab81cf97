import { currentTotpCode, isBase32Secret } from '../server/modules/identity';
import type { Command } from './command';

/** For demo users and browser tests: the code an authenticator app would show now. */
export const totpCommand: Command = {
  summary: 'print the current 6-digit code for a base32 TOTP secret',
  run: async ({ positionals }) => {
    const secret = positionals[0]?.replace(/\s+/g, '').toUpperCase();
    if (!secret || positionals.length !== 1 || !isBase32Secret(secret)) {
      console.error('Usage: mosaic totp <base32 secret>');
      return 1;
    }
    console.log(currentTotpCode(secret, new Date()));
    return 0;
  },
};
