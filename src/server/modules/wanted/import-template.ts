import Papa from 'papaparse';
import { CSV_COLUMNS } from '../../../contract/wanted';

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

/** Two fictional example rows, valid for a year from today: a person wanted for arrest and a stolen vehicle. */
function exampleRows(now: Date): Row[] {
  const inAYear = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
  return [
    {
      kind: 'person_arrest', name: 'Petar Primerović', aliases: 'Pera Primer;Петар Примеровић', date_of_birth: '1980-01-31', nationality: 'RS', sex: 'male',
      physical_description: '182 cm, slim, scar on the left hand', languages: 'sr;en', identity_misused: 'no', document_number: 'P1234567',
      valid_until: inAYear, action_code: 'arrest_surrender_extradition', action_to_take: 'Armed; call the desk before the arrest.', warrant_reference: 'K-000/2025',
    },
    {
      kind: 'vehicle', vin: 'WVWZZZ1K68W123456', plate: 'BG 000-XX', make: 'Volkswagen', model: 'Golf', colour: 'black',
      valid_until: inAYear, action_code: 'seize_object', remarks: 'Example row: replace before importing.',
    },
  ];
}

/** The import template: every column, in the order the import reads them, with example rows. */
export function importTemplate(format: 'csv' | 'json', now = new Date()): string {
  const rows = exampleRows(now);
  if (format === 'json') {
    return JSON.stringify(rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, key === 'aliases' || key === 'languages' ? value.split(';') : key === 'identity_misused' ? value === 'yes' : value]))), null, 2);
  }
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((column) => row[column] ?? '')) });
}
