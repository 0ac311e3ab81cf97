import { describe, expect, it } from 'vitest';
import { ArticleInput } from '../../../../contract/portal';
import { ApiError } from '../../../api/client';
import { problemErrors, problemMessage, slugify, zodErrors } from './formErrors';

describe('slugify', () => {
  it('transliterates Serbian and Macedonian Cyrillic and drops diacritics', () => {
    expect(slugify('Безбедност граница: нацрт стратегије')).toBe('bezbednost-granica-nacrt-strategije');
    expect(slugify('Đorđević i Šekularac — intervju')).toBe('djordjevic-i-sekularac-intervju');
    expect(slugify('Ѓорѓиевски и Ќосе')).toBe('gjorgjievski-i-kjose');
  });

  it('gives a value the contract accepts as a slug', () => {
    expect(slugify('  --Hello,   World!!  ')).toBe('hello-world');
  });
});

describe('form errors', () => {
  it('keys zod issues by the form path', () => {
    const parsed = ArticleInput.safeParse({ slug: 'ok-slug', kind: 'news', author: 'A', originalLanguage: 'en', translations: [{ language: 'en', title: '', bodyHtml: '' }] });
    expect(parsed.success).toBe(false);
    expect(Object.keys(zodErrors(parsed.error!))).toContain('translations.0.title');
  });

  it('reads field paths from problem documents in any of the usual spellings', () => {
    const error = new ApiError(400, 'Bad request', 'invalid input', [
      { path: '/body/slug', message: 'taken' },
      { path: 'translations.0.title', message: 'too long' },
    ]);
    expect(problemErrors(error)).toEqual({ slug: 'taken', 'translations.0.title': 'too long' });
    expect(problemErrors(new Error('x'))).toEqual({});
  });

  it("shows the server's own words for a rejected file", () => {
    const error = new ApiError(415, 'Unsupported media type', 'Only PDF, DOCX and ODT documents are accepted.');
    expect(problemMessage(error, 'fallback')).toBe('Unsupported media type: Only PDF, DOCX and ODT documents are accepted.');
    expect(problemMessage('odd', 'fallback')).toBe('fallback');
  });
});
