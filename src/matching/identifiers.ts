/**
 * Normalisers for object identifiers in the wanted register (vehicles, plates, serials,
 * documents). Normalised forms are for comparison and indexing; keep the original too.
 */
const SEPARATORS = /[\s\-–—_./\\:·]+/gu;

function baseIdentifier(value: string): string {
  return String(value ?? '').normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
}

/** Cyrillic and Greek capitals that look like Latin ones (plates and documents get typed with them). */
const LOOKALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

function latinLookalikes(value: string): string {
  return [...value].map((ch) => LOOKALIKES[ch] ?? ch).join('');
}

/** VIN: uppercase, no separators; O and Q → 0, I → 1 (ISO 3779 VINs never contain I, O, Q). */
export function normalizeVin(vin: string): string {
  return latinLookalikes(baseIdentifier(vin)).replace(/[OQ]/gu, '0').replace(/I/gu, '1');
}

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_SHAPE = /^[A-HJ-NPR-Z0-9]{17}$/u;

function vinCharValue(ch: string): number {
  return /\d/u.test(ch) ? Number(ch) : (VIN_VALUES[ch] ?? 0);
}

/** ISO 3779 / FMVSS 565 check digit (position 9) is correct. Expects a normalised 17-char VIN. */
export function vinCheckDigitValid(vin: string): boolean {
  const v = normalizeVin(vin);
  if (!VIN_SHAPE.test(v)) return false;
  const sum = [...v].reduce((acc, ch, i) => acc + vinCharValue(ch) * (VIN_WEIGHTS[i] ?? 0), 0);
  const remainder = sum % 11;
  return v.charAt(8) === (remainder === 10 ? 'X' : String(remainder));
}

/**
 * A plausible VIN: 17 characters from the VIN alphabet. The check digit is mandatory
 * only for North American VINs; European manufacturers often put a letter or an
 * unrelated digit at position 9. So a letter other than X there is accepted as is;
 * a digit or X is taken as a check digit and must be right. (A European VIN with a
 * non-check digit at position 9 is thus refused: compare by normalizeVin then.)
 */
export function isValidVin(vin: string): boolean {
  const v = normalizeVin(vin);
  if (!VIN_SHAPE.test(v)) return false;
  const ninth = v.charAt(8);
  if (/[0-9X]/u.test(ninth)) return vinCheckDigitValid(v);
  return true;
}

/** Licence plate: uppercase, no separators, Cyrillic/Greek look-alike capitals as Latin. */
export function normalizePlate(plate: string): string {
  return latinLookalikes(baseIdentifier(plate)).replace(/[^A-Z0-9ĐŠŽČĆ]/gu, '');
}

/** Serial number for comparison: uppercase, no separators, O→0 and I/L→1 folded. */
export function normalizeSerial(serial: string): string {
  return latinLookalikes(baseIdentifier(serial)).replace(/O/gu, '0').replace(/[IL]/gu, '1').replace(/[^A-Z0-9]/gu, '');
}

/** Passport / ID document number: uppercase, no separators or MRZ fillers, look-alikes as Latin. */
export function normalizeDocumentNumber(documentNumber: string): string {
  return latinLookalikes(baseIdentifier(documentNumber)).replace(/</gu, '').replace(/[^A-Z0-9]/gu, '');
}
