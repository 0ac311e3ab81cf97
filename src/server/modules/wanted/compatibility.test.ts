import { describe, expect, it } from 'vitest';
import { WANTED_KINDS } from '../../../contract/wanted';
import { ACTIONS_BY_KIND } from '../../../contract/wanted-alerts';
import { compatibilityOf, isBlocking } from './compatibility';
import { draftAlert } from './wanted.fields';

// The table of docs/wanted.md, row = new alert, column = existing alert.
const TABLE = {
  person_arrest: { person_arrest: 'duplicate', person_missing_adult: 'incompatible', person_locate: 'compatible', person_check: 'incompatible' },
  person_missing_minor: { person_arrest: 'incompatible', person_missing_adult: 'duplicate', person_locate: 'compatible', person_check: 'incompatible' },
  person_locate: { person_arrest: 'compatible', person_missing_adult: 'compatible', person_locate: 'duplicate', person_check: 'compatible' },
  person_check: { person_arrest: 'incompatible', person_missing_adult: 'incompatible', person_locate: 'compatible', person_check: 'duplicate' },
} as const;

describe('SIS compatibility between alert kinds', () => {
  it('follows the documented table, in both directions', () => {
    for (const [newKind, row] of Object.entries(TABLE)) {
      for (const [existingKind, expected] of Object.entries(row)) {
        expect(compatibilityOf(newKind as never, existingKind as never), `${newKind} beside ${existingKind}`).toBe(expected);
        expect(compatibilityOf(existingKind as never, newKind as never), `${existingKind} beside ${newKind}`).toBe(expected);
      }
    }
  });

  it('treats objects of one kind as duplicates and of different kinds as compatible', () => {
    expect(compatibilityOf('vehicle', 'vehicle')).toBe('duplicate');
    expect(compatibilityOf('vehicle', 'document')).toBe('compatible');
  });

  it('blocks only within one economy', () => {
    expect(isBlocking('incompatible', true)).toBe(true);
    expect(isBlocking('duplicate', true)).toBe(true);
    expect(isBlocking('compatible', true)).toBe(false);
    expect(isBlocking('incompatible', false)).toBe(false);
  });
});

describe('coded actions by kind', () => {
  it('accepts every code listed for a kind and refuses those of other kinds', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    const fields = { name: 'Test Testović', warrantReference: 'K-1', vin: 'VF1RFB00860520813', serial: 'A1', documentNumber: 'X1', documentType: 'passport', issuingEconomy: 'RS', description: 'A thing' } as const;
    for (const kind of WANTED_KINDS) {
      for (const code of Object.values(ACTIONS_BY_KIND).flat()) {
        const result = draftAlert(kind, { ...fields, actionCode: code }, now);
        const allowed = ACTIONS_BY_KIND[kind].includes(code);
        expect('draft' in result, `${code} for ${kind}`).toBe(allowed);
        if ('draft' in result) expect(result.draft.actionCode).toBe(code);
      }
    }
  });
});
