import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { EntityFields } from '../../../contract/cases';
import { foldToAscii, isValidVin, nameRetrievalKeys, normalizeDocumentNumber, normalizePlate, normalizeSerial, normalizeVin, validateNameInput } from '../../../matching';

type Problem = { path: string; message: string };

/** An entity ready to store: what is shown, what is kept, and the keys that correlate it. */
export interface NormalisedEntity {
  label: string;
  attributes: Record<string, unknown>;
  /** Within one organisation, two entities with this key are the same record. */
  identityKey: string;
  /** Exact identifier keys (`phone:+381…`) and, for persons, name retrieval keys (`name:…`). */
  keys: string[];
  dateOfBirth: string | null;
}

export type Normalised = { ok: true; entity: NormalisedEntity } | { ok: false; problems: Problem[] };

const fold = (text: string) => foldToAscii(text).toLowerCase().replace(/\s+/g, ' ').trim();
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[a-z]{2,63}$/iu;

/** IMO numbers: seven digits whose last is the weighted sum of the first six, modulo 10. */
export function isValidImo(imo: string): boolean {
  const digits = imo.replace(/^IMO\s*/iu, '').replace(/\s/g, '');
  if (!/^\d{7}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 6)].reduce((acc, digit, index) => acc + Number(digit) * (7 - index), 0);
  return sum % 10 === Number(digits[6]);
}

/** E.164, or null when the number is not a valid one; `00` counts as `+`, the region is the default for local numbers. */
export function normalisePhone(number: string, region: string): string | null {
  const international = number.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(international, region as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

function build(label: string, attributes: Record<string, unknown>, identityKey: string, keys: string[], dateOfBirth: string | null = null): Normalised {
  return { ok: true, entity: { label, attributes, identityKey, keys: [...new Set(keys)], dateOfBirth } };
}

const refuse = (...problems: Problem[]): Normalised => ({ ok: false, problems });

/**
 * Checks and normalises one entity so that equal things compare equal: a phone in E.164,
 * an IBAN in electronic form, a VIN with its check digit, documents and serials without
 * separators or look-alike letters, and a person's name through the name engine.
 * `region` is the economy a local phone number is read in.
 */
export function normaliseEntity(input: EntityFields, region: string): Normalised {
  switch (input.kind) {
    case 'person': {
      const a = input.attributes;
      const check = validateNameInput(a.name);
      if (!check.ok) return refuse({ path: 'attributes.name', message: 'invalid_name' });
      const documents = a.documentNumbers.map(normalizeDocumentNumber).filter((value) => value.length >= 3);
      const keys = [...documents.map((value) => `doc:${value}`), ...nameRetrievalKeys(a.name).map((key) => `name:${key}`)];
      return build(a.name, { ...a, documentNumbers: documents }, `${fold(a.name)}|${a.dateOfBirth ?? ''}`, keys, a.dateOfBirth ?? null);
    }
    case 'organisation': {
      const a = input.attributes;
      const registration = a.registrationNumber ? normalizeSerial(a.registrationNumber) : '';
      const keys = registration ? [`reg:${a.economy ?? ''}:${registration}`] : [];
      return build(a.name, { ...a, registrationNumber: registration || undefined }, registration ? `reg:${a.economy ?? ''}:${registration}` : fold(a.name), keys);
    }
    case 'phone': {
      const e164 = normalisePhone(input.attributes.number, input.attributes.country ?? region);
      if (!e164) return refuse({ path: 'attributes.number', message: 'invalid_phone' });
      return build(e164, { number: e164 }, e164, [`phone:${e164}`]);
    }
    case 'email': {
      const address = input.attributes.address.trim().toLowerCase();
      if (!EMAIL.test(address)) return refuse({ path: 'attributes.address', message: 'invalid_email' });
      return build(address, { address }, address, [`email:${address}`]);
    }
    case 'vehicle': {
      const a = input.attributes;
      if (!a.vin && !a.plate) return refuse({ path: 'attributes.vin', message: 'vin_or_plate_required' });
      const vin = a.vin ? normalizeVin(a.vin) : null;
      if (a.vin && !isValidVin(a.vin)) return refuse({ path: 'attributes.vin', message: 'invalid_vin' });
      const plate = a.plate ? normalizePlate(a.plate) : null;
      const keys = [...(vin ? [`vin:${vin}`] : []), ...(plate ? [`plate:${plate}`] : [])];
      const label = [a.make, a.model, vin ?? plate].filter(Boolean).join(' ');
      return build(label, { ...a, vin: vin ?? undefined, plate: plate ?? undefined }, vin ? `vin:${vin}` : `plate:${plate}`, keys);
    }
    case 'document': {
      const number = normalizeDocumentNumber(input.attributes.number);
      if (number.length < 3) return refuse({ path: 'attributes.number', message: 'invalid_document_number' });
      return build(number, { ...input.attributes, number }, number, [`doc:${number}`]);
    }
    case 'firearm': {
      const serial = normalizeSerial(input.attributes.serial);
      if (serial.length < 2) return refuse({ path: 'attributes.serial', message: 'invalid_serial' });
      const make = input.attributes.make ? fold(input.attributes.make) : '';
      return build([input.attributes.make, serial].filter(Boolean).join(' '), { ...input.attributes, serial }, `${make}|${serial}`, [`serial:${make}:${serial}`]);
    }
    case 'bank_account': {
      const iban = electronicFormatIBAN(input.attributes.iban) ?? '';
      if (!isValidIBAN(iban)) return refuse({ path: 'attributes.iban', message: 'invalid_iban' });
      const bic = input.attributes.bic?.toUpperCase().replace(/\s/g, '');
      if (bic && !isValidBIC(bic)) return refuse({ path: 'attributes.bic', message: 'invalid_bic' });
      return build(iban, { iban, bic }, iban, [`iban:${iban}`]);
    }
    case 'crypto_address': {
      const raw = input.attributes.address.trim();
      // Hex (Ethereum) addresses are case-insensitive; base58 and bech32 ones are compared as written.
      const address = /^0x[0-9a-f]{40}$/iu.test(raw) ? raw.toLowerCase() : raw;
      if (!/^[0-9A-Za-z]{20,120}$/u.test(address)) return refuse({ path: 'attributes.address', message: 'invalid_crypto_address' });
      return build(address, { ...input.attributes, address }, address, [`crypto:${address}`]);
    }
    case 'place': {
      const a = input.attributes;
      if ((a.latitude === undefined) !== (a.longitude === undefined)) return refuse({ path: 'attributes.longitude', message: 'coordinates_in_pairs' });
      return build(a.name, a, `${fold(a.name)}|${a.latitude ?? ''}|${a.longitude ?? ''}`, []);
    }
    case 'vessel': {
      const imo = input.attributes.imo.replace(/^IMO\s*/iu, '').replace(/\s/g, '');
      if (!isValidImo(imo)) return refuse({ path: 'attributes.imo', message: 'invalid_imo' });
      return build(`IMO ${imo}${input.attributes.name ? ` ${input.attributes.name}` : ''}`, { ...input.attributes, imo }, imo, [`imo:${imo}`]);
    }
  }
}
