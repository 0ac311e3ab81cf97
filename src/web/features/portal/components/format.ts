import i18n from '../../../i18n';

/** The BCP 47 tag for Intl formatting in the UI language. */
function locale(): string {
  return i18n.language || 'en';
}

export function formatDate(iso: string | null | undefined, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** A date and time in a given IANA time zone, with the zone's short name. */
export function formatDateTimeIn(iso: string, timeZone: string | undefined): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.
  return formatDate(iso, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(locale(), options).format(value);
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
