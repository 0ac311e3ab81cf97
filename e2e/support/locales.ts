import fs from 'node:fs';
import path from 'node:path';

type Strings = { [key: string]: string | Strings };

const cache = new Map<string, Strings>();

/**
 * A UI string as the web app shows it, read from src/web/locales/<language>/<namespace>.json,
 * so that journeys in other languages name elements by the same strings the app uses.
 * `key` is dotted (e.g. "search.label").
 */
export function uiString(language: string, namespace: string, key: string): string {
  const file = path.join('src', 'web', 'locales', language, `${namespace}.json`);
  let strings = cache.get(file);
  if (!strings) {
    strings = JSON.parse(fs.readFileSync(file, 'utf8')) as Strings;
    cache.set(file, strings);
  }
  let value: string | Strings | undefined = strings;
  for (const part of key.split('.')) value = typeof value === 'object' ? value[part] : undefined;
  if (typeof value !== 'string') throw new Error(`no string ${key} in ${file}`);
  return value;
}
