import { describe, expect, it } from 'vitest';
import { ArticleInput } from '../../../../contract/portal';
import { ApiError } from '../../../api/client';
import type { TFunction } from 'i18next';
import { problemErrors, problemMessage, slugify, zodErrors } from './formErrors';

/** A stand-in for i18next that shows the key and its values, to check which words are chosen. */
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

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
    const errors = zodErrors(parsed.error!, t);
    expect(Object.keys(errors)).toContain('translations.0.title');
    expect(errors['translations.0.title']).toBe('editorAids.validation.required');
  });

  it('never shows validator text or patterns: each issue becomes words in the UI language', () => {
    const parsed = ArticleInput.safeParse({ slug: 'Not A Slug!', kind: 'gossip', author: 'A'.repeat(300), leadImageUrl: 'ftp://x', originalLanguage: 'en', translations: [{ language: 'en', title: 'Ok', bodyHtml: '' }] });
    const errors = zodErrors(parsed.error!, t);
    expect(errors.slug).toBe('editorAids.validation.slug');
    expect(errors.kind).toBe('editorAids.validation.choose');
    expect(errors.author).toMatch(/^editorAids\.validation\.tooLong /);
    expect(errors.leadImageUrl).toBe('editorAids.validation.url');
    for (const message of Object.values(errors)) expect(message).not.toMatch(/Too (small|big)|expected|\/\^|Invalid/);
  });

  it('reads field paths from problem documents in any of the usual spellings', () => {
    const error = new ApiError(400, 'Bad request', 'invalid input', [
      { path: '/body/slug', message: 'taken' },
      { path: 'translations.0.title', message: 'too long' },
    ]);
    expect(problemErrors(error, t)).toEqual({ slug: 'editorAids.validation.slugTaken', 'translations.0.title': 'editorAids.validation.invalid' });
    expect(problemErrors(new Error('x'), t)).toEqual({});
    const raw = new ApiError(400, 'Bad request', 'shape', [
      { path: 'body.translations.0.title', message: 'Too small: expected string to have >=1 characters' },
      { path: 'body.slug', message: 'Invalid string: must match pattern /^[a-z0-9]+(?:-[a-z0-9]+)*$/' },
    ]);
    expect(problemErrors(raw, t)).toEqual({ 'translations.0.title': 'editorAids.validation.required', slug: 'editorAids.validation.slug' });
    expect(problemMessage(raw, 'saving failed')).toBe('saving failed');
  });

  it("shows the server's own words for a rejected file", () => {
    const error = new ApiError(415, 'Unsupported media type', 'Only PDF, DOCX and ODT documents are accepted.');
    expect(problemMessage(error, 'fallback')).toBe('Unsupported media type: Only PDF, DOCX and ODT documents are accepted.');
    expect(problemMessage('odd', 'fallback')).toBe('fallback');
  });
});
