import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Serves the built web app; any GET outside /api that is not a file answers index.html so
 * that deep links work. Without a build (API-only tests), nothing is registered.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string) {
  const indexPath = path.join(webDir, 'index.html');
  if (!fs.existsSync(indexPath)) return;
  // A dotfile in the build (an editor's or a tool's) is refused, not served: send's error then
  // reaches the problem handler like every other error.
  await app.register(fastifyStatic, { root: webDir, serve: false, maxAge: '1h', dotfiles: 'deny' });
  const indexHtml = fs.readFileSync(indexPath, 'utf8');
  const sendIndex = (_request: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  app.get('/', { config: { public: true }, schema: { hide: true } }, sendIndex);
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
