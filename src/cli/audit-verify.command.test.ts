import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousActor } from '../server/access/actor';
import { loadConfig } from '../server/config';
import { createPgliteHandle } from '../server/db/client';
import { openRuntime } from '../server/runtime';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dataDir: string;

function runVerify(): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.MOSAIC_SECRET;
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/mosaic.js', 'audit', 'verify'], { cwd: rootDir, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The data folder is locked while a process has it open, so the test opens and closes it around each tampering. */
async function tamper(statement: string) {
  const client = await createPgliteHandle(path.join(dataDir, 'pglite'));
  try {
    await client.execScript(statement);
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-audit-cli-'));
  const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    for (let index = 1; index <= 5; index += 1) {
      await runtime.deps.audit.record({ actor: anonymousActor, ip: '198.51.100.7' }, { action: 'auth.sign_in', outcome: 'failure', actorLabel: `visitor${index}@example.test` });
    }
  } finally {
    await runtime.close();
  }
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('mosaic audit verify', () => {
  it('reports an intact chain that reaches its checkpoint, and exits 0', async () => {
    expect(fs.existsSync(path.join(dataDir, 'audit-checkpoint.json'))).toBe(true);
    const result = await runVerify();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('intact');
    expect(result.stdout).toContain('5 events');
    expect(result.stdout).toContain('checkpoint at event 5');
  });

  it('names the tampered event and exits non-zero', async () => {
    await tamper(`update audit_events set actor_label = 'nobody@example.test' where seq = 3`);
    const result = await runVerify();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('BROKEN at event 3');
  });

  it('keeps failing on a later run: verifying never re-signs a broken chain', async () => {
    await tamper(`delete from audit_events where seq >= 3`);
    const first = await runVerify();
    expect(first.code).not.toBe(0);
    expect(first.stderr).toContain('newest events were removed');
    const second = await runVerify();
    expect(second.code).not.toBe(0);
  });
});
