import i18n from './index';

/**
 * The web app's one formatter for dates, times and numbers: in the UI language, and every time
 * with its zone named (the reader's own zone unless one is given), so that a desk in another
 * economy reads the same instant the same way.
 */
function language(): string {
  return i18n.language || 'en';
}

export function formatDateTime(iso: string | Date, timeZone?: string): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(language(), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(date);
}

/** A date without a time (a date of birth): no zone, it is a calendar date. */
export function formatCalendarDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A score from 0 to 1 as a whole percentage: the app's one score format. */
export function formatPercent(score: number): string {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(score);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(language()).format(value);
}
