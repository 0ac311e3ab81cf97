import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Command } from './command';

/**
 * Development: the API (reloaded on change by tsx, demo data loaded into an empty database)
 * and the Vite dev server with hot reload, which proxies /api and /feeds to the API.
 */
export const devCommand: Command = {
  summary: 'the API with reload on change and the Vite dev server (http://127.0.0.1:5173)',
  run: async () => {
    const root = process.cwd();
    const children: ChildProcess[] = [
      spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', 'src/cli/main.ts', 'start', '--skip-web-build'], {
        stdio: 'inherit',
        env: { ...process.env, PORT: process.env.PORT ?? '3000' },
      }),
      spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), '--host', '127.0.0.1'], { stdio: 'inherit' }),
    ];
    const stopAll = () => children.forEach((child) => child.kill('SIGTERM'));
    process.once('SIGINT', stopAll);
    process.once('SIGTERM', stopAll);
    const codes = await Promise.all(children.map((child) => new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 0)))));
    return codes.find((code) => code !== 0) ?? 0;
  },
};
