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

function runMosaic(args: string[], folder = dataDir): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: folder, LOG_LEVEL: 'silent', PORT: '0' };
  delete env.DATABASE_URL;
  delete env.MOSAIC_SECRET;
  delete env.AUDIT_CHECKPOINT_PATH;
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/mosaic.js', ...args], { cwd: rootDir, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const runVerify = (folder = dataDir) => runMosaic(['audit', 'verify'], folder);

/** A data folder whose chain holds `events` failed sign-ins and reaches its checkpoint. */
async function folderWithChain(events: number): Promise<string> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-audit-cli-'));
  const runtime = await openRuntime(loadConfig({ DATA_DIR: folder, LOG_LEVEL: 'silent' }));
  try {
    for (let index = 1; index <= events; index += 1) {
      await runtime.deps.audit.record({ actor: anonymousActor, ip: '198.51.100.7' }, { action: 'auth.sign_in', outcome: 'failure', actorLabel: `visitor${index}@example.test` });
    }
  } finally {
    await runtime.close();
  }
  return folder;
}

/** The data folder is locked while a process has it open, so the test opens and closes it around each tampering. */
async function tamper(statement: string, folder = dataDir) {
  const client = await createPgliteHandle(path.join(folder, 'pglite'));
  try {
    await client.execScript(statement);
  } finally {
    await client.close();
  }
}

const folders: string[] = [];

beforeAll(async () => {
  dataDir = await folderWithChain(5);
  folders.push(dataDir);
});

afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
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

describe('a removed checkpoint and the start-up check', () => {
  it('fails verification when the checkpoint of a non-empty chain is deleted, exit 2, naming the checkpoint', async () => {
    const folder = await folderWithChain(3);
    folders.push(folder);
    fs.rmSync(path.join(folder, 'audit-checkpoint.json'));
    const result = await runVerify(folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`BROKEN at the checkpoint (${path.join(folder, 'audit-checkpoint.json')})`);
    expect(result.stderr).toContain('checkpoint is missing although the chain holds 3 events');
    expect(fs.existsSync(path.join(folder, 'audit-checkpoint.json'))).toBe(false);
  }, 60_000);

  it('refuses to serve a rewritten chain, and keeps refusing: the start does not sign the rewrite', async () => {
    const folder = await folderWithChain(4);
    folders.push(folder);
    const checkpoint = fs.readFileSync(path.join(folder, 'audit-checkpoint.json'), 'utf8');
    // A rewrite from event 2 on: the events are recomputed, so the one at the checkpoint has another hash.
    await tamper(`update audit_events set hash = repeat('c', 64) where seq = 4`, folder);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await runMosaic(['serve'], folder);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('refusing to start: the audit chain does not match its signed checkpoint');
      expect(result.stderr).toContain('--accept-audit-break');
    }
    expect(fs.readFileSync(path.join(folder, 'audit-checkpoint.json'), 'utf8')).toBe(checkpoint);
  }, 120_000);
});
