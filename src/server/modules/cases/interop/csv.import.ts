import Papa from 'papaparse';
import { type CsvMapping, IMPORT_MAX_OBJECTS, attributesOfKind } from '../../../../contract/cases-interop';
import { BadRequestProblem, UnprocessableProblem } from '../../../platform/http/errors';
import { type ParsedFile, tooMany } from './import.candidates';

const NUMBERS = new Set(['latitude', 'longitude']);
const LISTS = new Set(['documentNumbers']);

/**
 * CSV rows as candidates of one kind, by the column mapping. Refused whole: text that is not
 * UTF-8 (replacement characters), no header, a mapped column the header lacks, an attribute
 * the kind does not have, more rows than the cap. Lists (`documentNumbers`) split on `;`.
 */
export function parseCsv(content: string, mapping: CsvMapping | undefined): ParsedFile {
  if (!mapping) throw new UnprocessableProblem('A CSV import needs the entity kind and the column of each attribute.', [{ path: 'csv', message: 'required' }]);
  if (content.includes('\uFFFD')) throw new BadRequestProblem('The file is not UTF-8 text: save it as UTF-8 and try again.', [{ path: 'content', message: 'not_utf8' }]);
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const header = parsed.meta.fields ?? [];
  if (header.length === 0 || parsed.data.length === 0) throw new BadRequestProblem('The CSV needs a header row and at least one row.', [{ path: 'content', message: 'no_rows' }]);
  tooMany(parsed.data.length, IMPORT_MAX_OBJECTS);
  const allowed = new Set([...attributesOfKind(mapping.kind), 'role']);
  const problems = Object.entries(mapping.columns).flatMap(([attribute, column]) => [
    ...(allowed.has(attribute) ? [] : [{ path: `csv.columns.${attribute}`, message: 'unknown_attribute' }]),
    ...(header.includes(column) ? [] : [{ path: `csv.columns.${attribute}`, message: 'unknown_column' }]),
  ]);
  if (problems.length) throw new UnprocessableProblem('The column mapping does not fit the file’s header.', problems);
  return {
    candidates: parsed.data.map((row, index) => {
      const attributes: Record<string, unknown> = {};
      let role: string | undefined;
      for (const [attribute, column] of Object.entries(mapping.columns)) {
        const cell = (row[column] ?? '').trim();
        if (cell === '') continue;
        if (attribute === 'role') role = cell;
        else if (NUMBERS.has(attribute)) attributes[attribute] = Number(cell.replace(',', '.'));
        else if (LISTS.has(attribute)) attributes[attribute] = cell.split(';').map((part) => part.trim()).filter(Boolean);
        else attributes[attribute] = cell;
      }
      // The header is line 1.
      return { source: `line ${index + 2}`, kind: mapping.kind, attributes, role };
    }),
    relationships: [],
    skipped: [],
  };
}
