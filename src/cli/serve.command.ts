import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import { WEB_DIST_DIR, buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { startMetricsListener } from '../server/platform/http/metrics';
import { openRuntime } from '../server/runtime';
import { type DemoSignIn, seedDemoData } from '../server/seed';
import type { Command } from './command';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app when there is no build or the sources are newer than it. */
function ensureWebBuild() {
  const indexPath = path.join(WEB_DIST_DIR, 'index.html');
  const webSources = path.resolve(WEB_DIST_DIR, '../../src/web');
  const contract = path.resolve(WEB_DIST_DIR, '../../src/contract');
  const stale =
    !fs.existsSync(indexPath) ||
    Math.max(newestMtime(webSources), newestMtime(contract)) > fs.statSync(indexPath).mtimeMs;
  if (!stale) return;
  console.log('Building the web app…');
  const result = spawnSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the web app did not build');
}

function printDemoSignIns(signIns: DemoSignIn[]) {
  console.log('\n  Demo sign-ins — FOR DEMONSTRATION ONLY. Anyone who reads this can sign in; never use them for real data.\n');
  for (const signIn of signIns) {
    const secret = signIn.totpSecret ? `TOTP secret ${signIn.totpSecret}` : 'no second factor (reader)';
    console.log(`  ${signIn.role.padEnd(14)} ${signIn.economy.padEnd(4)} ${signIn.email.padEnd(34)} ${signIn.password}   ${secret}`);
  }
  console.log('\n  A TOTP secret goes into any authenticator app (or: npx mosaic totp <secret> prints the current code).\n');
}

async function serve(options: { buildWeb: boolean; seed: boolean; acceptAuditBreak: boolean }) {
  const startedAt = performance.now();
  const config = loadConfig();
  if (options.buildWeb) ensureWebBuild();
  const runtime = await openRuntime(config, { auditHeadCheck: options.acceptAuditBreak ? 'accept-break' : 'enforce' });
  const app = await buildApp(runtime.deps);
  if (options.seed && config.SEED_DEMO) {
    const signIns = await seedDemoData(runtime.deps);
    if (signIns) printDemoSignIns(signIns);
  }
  const metricsListener = config.METRICS_PORT ? await startMetricsListener(app.metricsRegistry, config.METRICS_PORT, runtime.deps.audit) : null;
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    await metricsListener?.close();
    await app.close();
    await runtime.close();
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const database = runtime.handle.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server';
  console.log(`Mosaic is ready at ${address} (${database}; started in ${Math.round(performance.now() - startedAt)} ms)`);
  if (metricsListener) console.log(`Metrics for a local scraper at http://127.0.0.1:${config.METRICS_PORT}/metrics`);
  if (runtime.handle.kind === 'pglite') {
    console.log('The embedded database is for trying Mosaic out; production runs on a PostgreSQL server (DATABASE_URL).');
  }
}

export const startCommand: Command = {
  summary: 'build what is needed, migrate, load demo data into an empty database and serve',
  options: { 'skip-web-build': { type: 'boolean' }, 'accept-audit-break': { type: 'boolean' } },
  run: ({ values }) => serve({ buildWeb: values['skip-web-build'] !== true, seed: true, acceptAuditBreak: values['accept-audit-break'] === true }),
};

export const serveCommand: Command = {
  summary: 'migrate and serve the API and the built web app (no demo data); --accept-audit-break serves a broken audit chain for inspection',
  options: { 'accept-audit-break': { type: 'boolean' } },
  run: ({ values }) => serve({ buildWeb: false, seed: false, acceptAuditBreak: values['accept-audit-break'] === true }),
};
