import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatCalendarDate, formatDate, formatDateTime } from './format';
import i18n from './index';

// A change of language is remembered in the browser; the test runs in Node.
beforeAll(() => {
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
  vi.stubGlobal('document', { documentElement: {} });
});
afterAll(() => {
  vi.unstubAllGlobals();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('en');
});

describe('the one web formatter', () => {
  it('names the zone of every time', async () => {
    await i18n.changeLanguage('en');
    expect(formatDateTime('2026-03-05T10:00:00Z', 'UTC')).toMatch(/UTC$/);
  });

  it('uses the browser’s locale data when it has the UI language', async () => {
    await i18n.changeLanguage('mk');
    expect(formatDate('2026-03-05T10:00:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('5 март 2026 г.');
  });

  it('falls back to the shipped month names where the browser lacks the UI language', async () => {
    await i18n.changeLanguage('mk');
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
    expect(formatDate('2026-03-05T10:00:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('5 март 2026');
    expect(formatCalendarDate('1984-03-12')).toBe('12 март 1984');
    expect(formatDateTime('2026-03-05T10:00:00Z', 'UTC')).toBe('5 март 2026 10:00 UTC');
  });
});
