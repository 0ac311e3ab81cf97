import { CONTENT_LANGUAGES, type ContentLanguage, type LanguageInfo, PORTAL_UI_LANGUAGES, type PortalUiLanguage } from '../../../contract/portal';

const contentLanguages: readonly string[] = CONTENT_LANGUAGES;

/** Maps a BCP 47 tag to a content language: sr → sr-Latn, sr-RS-Cyrl or sr-Cyrl-* → sr-Cyrl, en-GB → en. */
export function normaliseLanguageTag(tag: string): ContentLanguage | null {
  const lower = tag.trim().toLowerCase();
  if (!lower || lower === '*') return null;
  const parts = lower.split('-');
  const base = parts[0]!;
  if (base === 'sr') return parts.includes('cyrl') ? 'sr-Cyrl' : 'sr-Latn';
  if (base === 'me' || base === 'cnr') return 'cnr';
  return contentLanguages.includes(base) ? (base as ContentLanguage) : null;
}

/** The visitor's language: ?lang= first, then the best Accept-Language entry we know. */
export function requestedLanguage(lang: string | undefined, acceptLanguage: string | undefined): ContentLanguage | null {
  if (lang) return normaliseLanguageTag(lang);
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .slice(0, 20)
    .map((entry, index) => {
      const [tag = '', ...params] = entry.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const language = normaliseLanguageTag(entry.tag);
    if (language) return language;
  }
  return null;
}

const baseOf = (language: string) => (language === 'cnr' || language === 'bs' || language === 'hr' ? 'sh' : language.split('-')[0]!);

/**
 * Picks the translation to serve: the requested one, else the same language in the other
 * script (sr-Latn ↔ sr-Cyrl), else a close language (sr/bs/hr/cnr), else English, else the original.
 */
export function pickLanguage(requested: ContentLanguage | null, available: string[], original: string): LanguageInfo {
  const availableLanguages = available.filter((l): l is ContentLanguage => contentLanguages.includes(l)).sort();
  const order: string[] = [];
  if (requested) {
    order.push(requested);
    if (requested === 'sr-Latn') order.push('sr-Cyrl');
    if (requested === 'sr-Cyrl') order.push('sr-Latn');
    const family = baseOf(requested) === 'sr' || baseOf(requested) === 'sh' ? ['sr-Latn', 'bs', 'hr', 'cnr', 'sr-Cyrl'] : [];
    order.push(...family);
  }
  order.push('en', original);
  const served = (order.find((l) => availableLanguages.includes(l as ContentLanguage)) ?? availableLanguages[0] ?? original) as ContentLanguage;
  return { requested, served, fallback: requested !== null && requested !== served, available: availableLanguages };
}

/** Topic names exist in the five UI languages; others fall back to English. */
export function uiLanguageOf(language: ContentLanguage | null): PortalUiLanguage {
  return (PORTAL_UI_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as PortalUiLanguage) : 'en';
}
