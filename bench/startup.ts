import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type FigureRow, printFigures } from './support/report';
import { ROOT, stopProcess, waitForHttp } from './support/processes';

async function timeToFirstResponse(command: string[], env: Record<string, string>, url: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, command, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForHttp(url, 300_000);
    return performance.now() - started;
  } finally {
    await stopProcess(child);
  }
}

/**
 * `npm start` on an empty data folder (migrations, demo data, web app already built) until the
 * first page is served, beside a bare Node.js HTTP server's time to its first response.
 */
export async function runStartupBench() {
  const bareScript = "require('node:http').createServer((q,s)=>s.end('ok')).listen(Number(process.env.PORT),'127.0.0.1')";
  const bare = await timeToFirstResponse(['-e', bareScript], { PORT: '4911' }, 'http://127.0.0.1:4911/');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-bench-start-'));
  const mosaic = await timeToFirstResponse(
    [path.join(ROOT, 'bin/mosaic.js'), 'start'],
    { PORT: '4912', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    'http://127.0.0.1:4912/',
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
  const rows: FigureRow[] = [
    {
      figure: 'npm start on an empty data folder → first page',
      value: mosaic,
      unit: 'ms',
      baseline: bare,
      baselineLabel: 'bare Node.js server → first reply',
      higherIsBetter: false,
    },
  ];
  printFigures('Start-up (web app already built)', rows);
  return { bare, mosaic };
}
