import crypto from 'node:crypto';

// No 0/O, 1/l/I: easy to read out and type.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A strong, readable password: four groups of five characters (about 117 bits). */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < 4; group += 1) {
    let text = '';
    for (let index = 0; index < 5; index += 1) text += ALPHABET[crypto.randomInt(ALPHABET.length)];
    groups.push(text);
  }
  return groups.join('-');
}
