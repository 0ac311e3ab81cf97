import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { OrganisationInput, UserListQuery } from './admin';
import { AuditEventQuery } from './audit';
import { OrganisationListQuery } from './directory';
import { DocumentMetadataInput, EventInput, SearchQuery } from './portal';
import { CONTROL_CHARACTER_MESSAGE, isSingleLine } from './single-line';
import { AlertListQuery, ObjectScreenInput, PersonScreenInput } from './wanted';

describe('single-line text', () => {
  it('accepts the region’s scripts and punctuation', () => {
    for (const text of ['Đorđević', 'Ђорђевић', 'Gjorgjeviq Çelik', 'Μητσοτάκης', 'W-RS-2026; ref, "quoted" — 100 %', 'Strasse\u00a0Nr. 5']) {
      expect(isSingleLine(text), text).toBe(true);
    }
  });

  it('refuses control characters, line separators and bidirectional overrides', () => {
    for (const text of ['a\nb', 'a\rb', 'a\tb', 'a\u0000b', 'a\u007fb', 'a\u0085b', 'a\u2028b', 'a\u2029b', 'invoice\u202Efdp.exe', 'a\u2066b']) {
      expect(isSingleLine(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('is what the single-line fields of every contract use', () => {
    const injected = 'Meeting\r\nATTENDEE:mailto:victim@example.org';
    const refusedPaths = (schema: z.ZodType, value: object) => {
      const result = schema.safeParse(value);
      return result.success ? [] : result.error.issues.filter((issue) => issue.message === CONTROL_CHARACTER_MESSAGE).map((issue) => issue.path.join('.'));
    };
    expect(refusedPaths(OrganisationInput, { name: injected })).toEqual(['name']);
    expect(refusedPaths(UserListQuery, { q: injected })).toEqual(['q']);
    expect(refusedPaths(OrganisationListQuery, { q: injected })).toEqual(['q']);
    expect(refusedPaths(AuditEventQuery, { recordType: injected, recordId: injected })).toEqual(['recordType', 'recordId']);
    expect(refusedPaths(SearchQuery, { q: injected })).toEqual(['q']);
    expect(refusedPaths(EventInput, { title: injected, organiser: injected, venue: injected, city: injected, timeZone: injected })).toEqual(['title', 'timeZone', 'venue', 'city', 'organiser']);
    expect(refusedPaths(DocumentMetadataInput, { title: injected, publisher: injected })).toEqual(['title', 'publisher']);
    expect(refusedPaths(AlertListQuery, { q: injected })).toEqual(['q']);
    expect(refusedPaths(PersonScreenInput, { name: injected, documentNumber: injected, purpose: injected })).toEqual(['name', 'documentNumber', 'purpose']);
    expect(refusedPaths(ObjectScreenInput, { kind: 'vehicle', identifier: injected, purpose: injected })).toEqual(['identifier', 'purpose']);
  });
});
