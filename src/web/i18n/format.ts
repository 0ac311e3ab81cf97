import i18n from './index';

/**
 * The web app's one formatter for dates, times and numbers: in the UI language, and every time
 * with its zone named (the reader's own zone unless one is given), so that a desk in another
 * economy reads the same instant the same way.
 */
function language(): string {
  return i18n.language || 'en';
}

/** Intl in the UI language, or the shipped names where the browser lacks that locale's data. */
function formatIn(date: Date, options: Intl.DateTimeFormatOptions): string {
  if (Intl.DateTimeFormat.supportedLocalesOf([language()]).length === 0) return formatWithShippedNames(date, options);
  return new Intl.DateTimeFormat(language(), options).format(date);
}

export function formatDateTime(iso: string | Date, timeZone?: string): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  return formatIn(date, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
}

/** A date without a time (a date of birth): no zone, it is a calendar date. */
export function formatCalendarDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return formatIn(date, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** A score from 0 to 1 as a whole percentage: the app's one score format. */
export function formatPercent(score: number): string {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(score);
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(language(), options).format(value);
}

/**
 * A browser without the UI language's locale data (Albanian and Macedonian are often missing)
 * would print US English: the date is then assembled from the shipped month and weekday names
 * (`portal:dateNames`), day before month (as Albanian and Macedonian write it), 24-hour time, with
 * the numbers and the zone from Intl.
 */
function formatWithShippedNames(date: Date, options: Intl.DateTimeFormatOptions): string {
  const { dateStyle, timeStyle, ...rest } = options;
  const parts = new Intl.DateTimeFormat('en-GB', {
    ...rest,
    ...(dateStyle ? { day: 'numeric', month: 'long', year: 'numeric', ...(dateStyle === 'full' ? { weekday: 'long' } : {}) } : {}),
    ...(timeStyle ? { hour: '2-digit', minute: '2-digit' } : {}),
    ...(options.hour ? { hourCycle: 'h23' } : {}),
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value;
  const months = i18n.t('portal:dateNames.months', { returnObjects: true }) as string[];
  const weekdays = i18n.t('portal:dateNames.weekdays', { returnObjects: true }) as string[];
  const zoned = new Date(date.toLocaleString('en-US', { timeZone: options.timeZone }));
  const day = part('day');
  const month = part('month') ? (months[zoned.getMonth()] ?? part('month')) : undefined;
  const weekday = part('weekday') ? (weekdays[zoned.getDay()] ?? part('weekday')) : undefined;
  const datePart = [day, month, part('year')].filter(Boolean).join(' ');
  const timePart = part('hour') ? `${part('hour')}:${part('minute')}` : '';
  return [weekday && `${weekday},`, datePart, timePart, part('timeZoneName')].filter(Boolean).join(' ');
}

export function formatDate(iso: string | null | undefined, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatIn(date, options);
}

/** A date and time in a given IANA time zone, with the zone's short name. */
export function formatDateTimeIn(iso: string, timeZone: string | undefined): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.
  return formatDate(iso, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, { maximumFractionDigits: 0 })} KB`;
  return `${formatNumber(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;
}

/** The visitor's own time zone, as the browser reports it. */
export function visitorTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
