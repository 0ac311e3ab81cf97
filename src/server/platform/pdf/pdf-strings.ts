import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web app's UI languages: a printed document speaks the language of the screen it was asked from. */
export const PDF_LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl', 'sq', 'mk'] as const;
export type PdfLanguage = (typeof PDF_LANGUAGES)[number];

type Strings = { [key: string]: string | Strings };

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/locales');
const cache = new Map<string, Strings>();

function strings(language: PdfLanguage, namespace: string): Strings {
  const key = `${language}/${namespace}`;
  let cached = cache.get(key);
  if (!cached) {
    cached = JSON.parse(fs.readFileSync(path.join(localesDir, language, `${namespace}.json`), 'utf8')) as Strings;
    cache.set(key, cached);
  }
  return cached;
}

/** `t(key, values)` over one namespace of the web app's strings, falling back to English, then to the key. */
export function pdfTranslator(language: PdfLanguage, namespace: string) {
  const lookup = (lang: PdfLanguage, key: string) => {
    let value: string | Strings | undefined = strings(lang, namespace);
    for (const part of key.split('.')) value = typeof value === 'object' ? value[part] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  return (key: string, values: Record<string, string | number> = {}): string =>
    (lookup(language, key) ?? lookup('en', key) ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
