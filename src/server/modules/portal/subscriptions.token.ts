import crypto from 'node:crypto';

/**
 * The one-click unsubscribe link's token: `<saved search id>.<nonce>.<HMAC>`, signed with a key
 * derived from the encryption key. The nonce is stored with the subscription and cleared when
 * the link is used, so a forged token fails the signature and a used one finds no nonce.
 */
export function createUnsubscribeTokens(encryptionKey: Buffer) {
  const key = Buffer.from(crypto.hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'mosaic:portal-unsubscribe', 32));
  const sign = (payload: string) => crypto.createHmac('sha256', key).update(payload).digest('base64url');
  return {
    newNonce: () => crypto.randomBytes(16).toString('base64url'),
    issue: (id: string, nonce: string) => `${id}.${nonce}.${sign(`${id}.${nonce}`)}`,
    /** The id and nonce of a token whose signature holds; null for anything else. */
    verify: (token: string): { id: string; nonce: string } | null => {
      const parts = token.split('.');
      if (parts.length !== 3) return null;
      const [id, nonce, signature] = parts as [string, string, string];
      if (!/^[0-9a-f-]{36}$/.test(id) || !/^[A-Za-z0-9_-]{10,64}$/.test(nonce)) return null;
      const expected = Buffer.from(sign(`${id}.${nonce}`));
      const given = Buffer.from(signature);
      return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? { id, nonce } : null;
    },
  };
}

export type UnsubscribeTokens = ReturnType<typeof createUnsubscribeTokens>;
