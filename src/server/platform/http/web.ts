import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The shell when no web build exists (API-only runs and tests): the same markers, no scripts. */
const BARE_SHELL = '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <meta name="viewport" content="width=device-width, initial-scale=1.0" />\n    <title>Mosaic</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n';

let shellTemplate = BARE_SHELL;

/** A server-rendered page: its head tags and the markup that fills the app's root until the app starts. */
export interface HtmlDocument {
  /** BCP 47 tag of the page's language (already a known value, not escaped here). */
  lang: string;
  /** Complete, escaped tags for <head> (title, meta, links, JSON-LD). */
  head: string;
  /** Complete, escaped markup placed inside <div id="root">; the web app replaces it when it mounts. */
  body: string;
}

/**
 * The built index.html with the page's own head and content. The build's generic title and
 * description are dropped so that each page has exactly one of each.
 */
export function renderHtmlDocument(page: HtmlDocument): string {
  // Replacer functions, not strings: content may hold `$&` and the like, which a replacement string would expand.
  return shellTemplate
    .replace(/<html lang="[^"]*"/, () => `<html lang="${page.lang}"`)
    .replace(/\s*<title>[^<]*<\/title>/, '')
    .replace(/\s*<meta name="description"[^>]*>/, '')
    .replace('</head>', () => `${page.head}\n  </head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${page.body}</div>`);
}

/**
 * Serves the built web app; any GET outside /api that is not a file answers index.html so
 * that deep links work. Routes registered before (the portal's server-rendered public pages)
 * take precedence over the catch-all. Without a build (API-only tests), nothing is registered.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string) {
  const indexPath = path.join(webDir, 'index.html');
  if (!fs.existsSync(indexPath)) return;
  // A dotfile in the build (an editor's or a tool's) is refused, not served: send's error then
  // reaches the problem handler like every other error.
  await app.register(fastifyStatic, { root: webDir, serve: false, maxAge: '1h', dotfiles: 'deny' });
  const indexHtml = fs.readFileSync(indexPath, 'utf8');
  shellTemplate = indexHtml;
  const sendIndex = (_request: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  if (!app.hasRoute({ method: 'GET', url: '/' })) app.get('/', { config: { public: true }, schema: { hide: true } }, sendIndex);
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (urlPath.startsWith('/api/')) return reply.callNotFound();
    const assetPath = path.join(webDir, path.normalize(urlPath).replace(/^(\.\.[/\\])+/, ''));
    if (assetPath.startsWith(webDir) && fs.existsSync(assetPath) && fs.statSync(assetPath).isFile()) {
      return reply.sendFile(path.relative(webDir, assetPath));
    }
    return sendIndex(request, reply);
  });
}
