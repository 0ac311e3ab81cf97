import { LANGUAGES } from '../../../i18n/languages';

/** A language's own name (endonym), e.g. "Shqip" for sq; unknown codes come back as they are. */
export function languageLabel(code: string): string {
  return LANGUAGES.find((language) => language.code === code)?.label ?? code;
}

export const LANGUAGE_OPTIONS = LANGUAGES.map((language) => ({ value: language.code, label: language.label }));
