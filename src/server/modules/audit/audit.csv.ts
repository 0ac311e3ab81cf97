import type { AuditEventSummary } from '../../../contract/audit';

const COLUMNS = ['occurredAt', 'actorLabel', 'actorEconomy', 'action', 'outcome', 'recordType', 'recordId', 'recordTitle', 'masked'] as const;

/** A cell as spreadsheets read it safely: quoted, and a leading = + - @ neutralised (no formulas). */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The audit events as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the letters). */
export function auditEventsCsv(events: AuditEventSummary[], truncated: boolean): string {
  const lines = [COLUMNS.join(','), ...events.map((event) => COLUMNS.map((column) => cell(event[column])).join(','))];
  if (truncated) lines.push(cell(`Only the newest ${events.length} events are exported; narrow the filter to export the rest.`));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
