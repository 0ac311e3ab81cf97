import { LANGUAGES } from '../../../i18n/languages';

/** Each content language's own name (endonym): what a reader of that language recognises. */
const ENDONYMS: Record<string, string> = {
  ...Object.fromEntries(LANGUAGES.map((language) => [language.code, language.label])),
  bs: 'Bosanski',
  hr: 'Hrvatski',
  cnr: 'Crnogorski',
  bg: 'Български',
  el: 'Ελληνικά',
  ro: 'Română',
  sl: 'Slovenščina',
  tr: 'Türkçe',
  fr: 'Français',
  de: 'Deutsch',
};

/** A language's own name (endonym), e.g. "Shqip" for sq; unknown codes come back as they are. */
export function languageLabel(code: string): string {
  return ENDONYMS[code] ?? code;
}

export const LANGUAGE_OPTIONS = LANGUAGES.map((language) => ({ value: language.code, label: language.label }));
