import { describe, expect, it } from 'vitest';
import { isValidVin, normalizeDocumentNumber, normalizePlate, normalizeSerial, normalizeVin, vinCheckDigitValid } from './identifiers';

describe('VIN', () => {
  it('normalises case, separators and the letters a VIN cannot contain', () => {
    expect(normalizeVin(' 1m8gdm9a-xkp042788 ')).toBe('1M8GDM9AXKP042788');
    expect(normalizeVin('1M8GDM9AXKPO42788')).toBe('1M8GDM9AXKP042788'); // O → 0
    expect(normalizeVin('1M8GDM9AXKPQ42788')).toBe('1M8GDM9AXKP042788'); // Q → 0
    expect(normalizeVin('IM8GDM9AXKP042788')).toBe('1M8GDM9AXKP042788'); // I → 1
  });

  it('checks the ISO 3779 check digit', () => {
    expect(vinCheckDigitValid('1M8GDM9AXKP042788')).toBe(true);
    expect(vinCheckDigitValid('11111111111111111')).toBe(true);
    expect(vinCheckDigitValid('1M8GDM9A1KP042788')).toBe(false);
  });

  it('accepts European VINs without a check digit, refuses a wrong one', () => {
    expect(isValidVin('WVWZZZ1JZXW000001')).toBe(true); // position 9 is Z: no check digit
    expect(isValidVin('1M8GDM9AXKP042788')).toBe(true);
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP04278')).toBe(false); // 16 chars
    expect(isValidVin('1M8GDM9AXKP04278!')).toBe(false);
  });
});

describe('plates, serials, documents', () => {
  it('normalises plates, including Cyrillic look-alike letters', () => {
    expect(normalizePlate('BG 123-AB')).toBe('BG123AB');
    expect(normalizePlate('ВG 123-АВ')).toBe('BG123AB'); // Cyrillic В А В
    expect(normalizePlate('ΙΚΧ-1234')).toBe('IKX1234'); // Greek capitals
  });

  it('folds O/0 and I/1 in serials', () => {
    expect(normalizeSerial('SN-OI2-345')).toBe(normalizeSerial('sn 012 345'));
    expect(normalizeSerial('AB-1l0')).toBe('AB110');
  });

  it('normalises document numbers and MRZ fillers', () => {
    expect(normalizeDocumentNumber(' 0123 456-78<< ')).toBe('012345678');
    expect(normalizeDocumentNumber('ек 12 34')).toBe('EK1234'); // Cyrillic look-alikes
  });
});
