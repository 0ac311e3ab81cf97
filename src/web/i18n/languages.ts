/** UI languages; the code is a BCP 47 tag, so Serbian has one per script. */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'sr-Latn', label: 'Srpski (latinica)' },
  { code: 'sr-Cyrl', label: 'Српски (ћирилица)' },
  { code: 'sq', label: 'Shqip' },
  { code: 'mk', label: 'Македонски' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: LanguageCode = 'en';
export const LANGUAGE_STORAGE_KEY = 'mosaic.language';

export function isLanguageCode(value: string | null | undefined): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}
