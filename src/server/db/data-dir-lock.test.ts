import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, acquireDataDirLock } from './data-dir-lock';

const folders: string[] = [];
function newFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-lock-'));
  folders.push(folder);
  return folder;
}
afterEach(() => folders.splice(0).forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

describe('the data-folder lock', () => {
  it('refuses a folder that a live process holds, naming that process', () => {
    const folder = newFolder();
    // PID 1 is always alive: it stands for another Mosaic process holding the folder.
    fs.writeFileSync(path.join(folder, 'mosaic.lock'), '1');
    expect(() => acquireDataDirLock(folder)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(folder)).toThrow(/in use by process 1/);
  });

  it('takes over a lock left by a process that died, and releases it', () => {
    const folder = newFolder();
    fs.writeFileSync(path.join(folder, 'mosaic.lock'), '999999999');
    const release = acquireDataDirLock(folder);
    expect(fs.readFileSync(path.join(folder, 'mosaic.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(folder, 'mosaic.lock'))).toBe(false);
  });
});
