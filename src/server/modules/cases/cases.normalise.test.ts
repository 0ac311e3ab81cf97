import { describe, expect, it } from 'vitest';
import type { EntityFields } from '../../../contract/cases';
import { isValidImo, normaliseEntity, normalisePhone } from './cases.normalise';

const keysOf = (input: EntityFields, region = 'RS') => {
  const result = normaliseEntity(input, region);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.entity.keys;
};

describe('normalisation: equal things compare equal', () => {
  it('writes phones in E.164 whatever the spelling, reading local numbers in the region', () => {
    expect(normalisePhone('064 123 4567', 'RS')).toBe('+381641234567');
    expect(normalisePhone('00381 64 123-45-67', 'AL')).toBe('+381641234567');
    expect(normalisePhone('+381 (64) 1234567', 'MK')).toBe('+381641234567');
    expect(normalisePhone('064 12', 'RS')).toBeNull();
  });

  it('keys a person by documents and by the name engine, so Cyrillic and Latin spellings share name keys', () => {
    const cyrillic = keysOf({ kind: 'person', attributes: { name: 'Марко Јовановић', dateOfBirth: '1984-03-12', documentNumbers: ['AB 123-456'] } });
    const latin = keysOf({ kind: 'person', attributes: { name: 'Jovanovic Marko', documentNumbers: [] } });
    expect(cyrillic).toContain('doc:AB123456');
    expect(cyrillic.filter((key) => key.startsWith('name:p:')).some((key) => latin.includes(key))).toBe(true);
  });

  it('normalises IBANs, VINs, plates and e-mail addresses', () => {
    expect(keysOf({ kind: 'bank_account', attributes: { iban: 'rs35 2600 0560 1001 6113 79' } })).toEqual(['iban:RS35260005601001611379']);
    expect(keysOf({ kind: 'vehicle', attributes: { vin: '1m8gdm9axkp042788', plate: 'vr 123-ab' } })).toEqual(['vin:1M8GDM9AXKP042788', 'plate:VR123AB']);
    expect(keysOf({ kind: 'email', attributes: { address: ' Marko.J@Example.ORG ' } })).toEqual(['email:marko.j@example.org']);
  });

  it('checks IMO numbers and coordinates in pairs', () => {
    expect(isValidImo('IMO 9074729')).toBe(true);
    expect(isValidImo('9074728')).toBe(false);
    expect(normaliseEntity({ kind: 'place', attributes: { name: 'Preševo', latitude: 42.3 } }, 'RS')).toEqual({ ok: false, problems: [{ path: 'attributes.longitude', message: 'coordinates_in_pairs' }] });
  });
});
