import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PORTAL_UI_LANGUAGES, type PortalUiLanguage } from '../../../contract/portal';

/**
 * The server-rendered pages use the web app's own strings (portal and common namespaces), so a
 * label reads the same before and after the app starts and is translated in one place.
 */
const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/locales');

type Tree = { [key: string]: string | Tree };
let cache: Map<PortalUiLanguage, Tree> | null = null;

function load(): Map<PortalUiLanguage, Tree> {
  cache ??= new Map(
    PORTAL_UI_LANGUAGES.map((language) => {
      const read = (namespace: string) => JSON.parse(fs.readFileSync(path.join(localesDir, language, `${namespace}.json`), 'utf8')) as Tree;
      return [language, { ...read('portal'), common: read('common') }];
    }),
  );
  return cache;
}

function lookup(tree: Tree | undefined, key: string): string | null {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return null;
    node = node[part];
  }
  return typeof node === 'string' ? node : null;
}

/** A label in the UI language (English when missing), with `{{name}}` values filled in. */
export function label(language: PortalUiLanguage, key: string, values: Record<string, string | number> = {}): string {
  const trees = load();
  const text = lookup(trees.get(language), key) ?? lookup(trees.get('en'), key) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
}

/** An economy's name in the UI language (the reference table's English name otherwise). */
export function economyName(language: PortalUiLanguage, code: string, fallback?: string): string {
  const trees = load();
  return lookup(trees.get(language), `economy.${code}`) ?? fallback ?? code;
}
