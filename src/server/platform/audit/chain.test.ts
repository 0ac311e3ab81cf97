import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anonymousActor, type UserActor } from '../../access/actor';
import type { DbHandle } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { auditEvents } from '../../db/schema/core';
import { createTestDatabase } from '../../test/build-test-app';
import { ephemeralKeys } from '../crypto/secrets';
import { type AuditService, createAuditService } from './audit.service';
import { type ChainedFields, hashEvent } from './chain';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import { AuditBreakError, guardAuditHead } from './start-check';
import { verifyAuditChain } from './verify';

const officer: UserActor = {
  kind: 'user',
  userId: '3f1c2b7e-1a52-4c8e-9a39-1f0c7f6f2a11',
  email: 'ana.petrovic@mup.example',
  displayName: 'Ana Petrović',
  organisationId: '7b8e2a51-4c3d-4a8b-8e1f-2a9c6d5e4f30',
  organisationName: 'Ministry of Interior',
  economy: 'RS',
  roles: ['officer'],
  clearance: 'RESTRICTED',
  deskIds: [],
  sharingGroupIds: [],
};

const key = ephemeralKeys().auditCheckpoint;
let handle: DbHandle;
let drop: () => Promise<void>;
let folder: string;
let checkpointPath: string;
let audit: AuditService;

const exec = (statement: ReturnType<typeof sql>) => handle.db.execute(statement);
const verify = () => verifyAuditChain(handle.db, { checkpointPath, checkpointKey: key });
const verifyWithoutCheckpoint = () => verifyAuditChain(handle.db);

async function appendEvents(count: number, from = 1) {
  for (let index = from; index < from + count; index += 1) {
    await audit.record(
      { actor: officer, ip: '192.0.2.10' },
      { action: 'wanted.alert.read', recordType: 'wanted_alert', recordId: `alert-${index}`, details: { index, reason: 'screening' } },
    );
  }
}

async function eventCount(): Promise<number> {
  const result = await exec(sql`select count(*)::int as n from audit_events`);
  return rowsOf<{ n: number }>(result)[0]!.n;
}

beforeAll(async () => {
  ({ handle, drop } = await createTestDatabase());
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-audit-chain-'));
});

afterAll(async () => {
  await drop();
  fs.rmSync(folder, { recursive: true, force: true });
});

beforeEach(async () => {
  await exec(sql`delete from audit_events`);
  checkpointPath = path.join(folder, `checkpoint-${Math.random().toString(36).slice(2)}.json`);
  audit = createAuditService({ db: handle.db, checkpointPath, checkpointKey: key });
  await appendEvents(6);
  await audit.flushCheckpoint();
});

// A test's service left running would seal (and hold the sequencer lock) during the next test.
afterEach(() => audit.stop());

describe('the audit chain', () => {
  it('appends several events in one call as consecutive links, and rolls them back together', async () => {
    const entries = [1, 2, 3].map((index) => ({ action: 'wanted.hit.create', recordType: 'wanted_hit', recordId: `hit-${index}` }));
    await audit.command((tx) => audit.appendMany(tx, { actor: officer }, entries));
    await audit.sealNow();
    const rows = await handle.db.select().from(auditEvents).orderBy(auditEvents.chainSeq);
    expect(rows.slice(-3).map((row) => [row.chainSeq, row.recordId])).toEqual([[7, 'hit-1'], [8, 'hit-2'], [9, 'hit-3']]);
    expect(rows[7]!.prevHash).toBe(rows[6]!.hash);
    expect(await verifyWithoutCheckpoint()).toMatchObject({ ok: true, events: 9 });

    await expect(
      audit.command(async (tx) => {
        await audit.appendMany(tx, { actor: officer }, entries);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await eventCount()).toBe(9);
  });

  it('verifies an untouched chain and reaches the signed checkpoint', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, events: 6, headSeq: 6, checkpoint: { seq: 6 } });
  });

  it('links each event to the one before it, from the genesis hash', async () => {
    const rows = await handle.db.select().from(auditEvents).orderBy(auditEvents.chainSeq);
    expect(rows.map((row) => row.chainSeq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]!.prevHash).toBe('0'.repeat(64));
    rows.slice(1).forEach((row, index) => expect(row.prevHash).toBe(rows[index]!.hash));
  });

  it('stores details as plain JSON, so dates and undefined members do not break the hash', async () => {
    await audit.record({ actor: anonymousActor }, { action: 'auth.sign_in', outcome: 'failure', details: { at: new Date(), missing: undefined, nested: { b: 2, a: [1, 'x'] } } });
    await audit.sealNow();
    expect(await verifyWithoutCheckpoint()).toMatchObject({ ok: true, events: 7 });
  });

  it.each([
    ['details', sql`update audit_events set details = '{"index":3,"reason":"curiosity"}'::jsonb where chain_seq = 3`],
    ['action', sql`update audit_events set action = 'wanted.alert.list' where chain_seq = 3`],
    ['actor', sql`update audit_events set actor_label = 'someone.else@mup.example' where chain_seq = 3`],
    ['actor id', sql`update audit_events set actor_user_id = null where chain_seq = 3`],
    ['outcome', sql`update audit_events set outcome = 'denied' where chain_seq = 3`],
    ['time', sql`update audit_events set occurred_at = occurred_at - interval '1 day' where chain_seq = 3`],
    ['record', sql`update audit_events set record_id = 'alert-99' where chain_seq = 3`],
  ])('names exactly the event whose %s was changed', async (_field, tamper) => {
    await exec(tamper);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenSeq: 3, events: 2 });
    if (!result.ok) expect(result.reason).toContain('content does not match its hash');
  });

  it('detects a changed event even when its stored hash was recomputed, at the next event', async () => {
    const [row] = await handle.db.select().from(auditEvents).where(sql`chain_seq = 3`);
    const forged: ChainedFields = { ...row!, seq: 3, prevHash: row!.prevHash ?? '', action: 'wanted.alert.list' };
    await exec(sql`update audit_events set action = ${forged.action}, hash = ${hashEvent(forged)} where chain_seq = 3`);
    expect(await verify()).toMatchObject({ ok: false, brokenSeq: 4 });
  });

  it('names the gap when a middle event is deleted', async () => {
    await exec(sql`delete from audit_events where chain_seq = 3`);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenSeq: 4, events: 2 });
    if (!result.ok) expect(result.reason).toContain('event 3 is missing');
  });

  it('detects two events swapped in order', async () => {
    await exec(sql`update audit_events set chain_seq = -3 where chain_seq = 3`);
    await exec(sql`update audit_events set chain_seq = 3 where chain_seq = 4`);
    await exec(sql`update audit_events set chain_seq = 4 where chain_seq = -3`);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenSeq: 3 });
  });

  it('detects an event inserted into the middle', async () => {
    await exec(sql`update audit_events set chain_seq = chain_seq + 1000 where chain_seq >= 4`);
    await exec(sql`update audit_events set chain_seq = chain_seq - 999 where chain_seq >= 1000`);
    const intruder = (prevHash: ReturnType<typeof sql>) =>
      exec(sql`insert into audit_events (chain_seq, occurred_at, actor_label, action, outcome, prev_hash, hash)
          select 4, now(), 'intruder', 'wanted.alert.read', 'success', ${prevHash}, repeat('a', 64) from audit_events where chain_seq = 3`);
    // Linked onto event 3 it would fork the chain: the database refuses it.
    await expect(intruder(sql`hash`)).rejects.toThrow();
    await intruder(sql`repeat('c', 64)`);
    expect(await verify()).toMatchObject({ ok: false, brokenSeq: 4 });
  });

  it('detects the newest events cut off through the signed checkpoint, which the chain alone cannot', async () => {
    await exec(sql`delete from audit_events where chain_seq >= 5`);
    expect(await verifyWithoutCheckpoint()).toMatchObject({ ok: true, events: 4 });
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenSeq: 5, events: 4 });
    if (!result.ok) expect(result.reason).toContain('newest events were removed');
  });

  it('detects a tail cut off and rewritten with new events, and keeps the checkpoint as evidence', async () => {
    await exec(sql`delete from audit_events where chain_seq >= 4`);
    await appendEvents(5, 100);
    await audit.flushCheckpoint();
    expect(await verifyWithoutCheckpoint()).toMatchObject({ ok: true, events: 8 });
    expect(readCheckpoint(checkpointPath, key)).toMatchObject({ seq: 6 });
    expect(await verify()).toMatchObject({ ok: false, brokenSeq: 6 });
  });

  it('does not re-sign the head when nothing was appended (a read-only verify run)', async () => {
    await exec(sql`delete from audit_events where chain_seq >= 5`);
    const before = fs.readFileSync(checkpointPath, 'utf8');
    const readOnly = createAuditService({ db: handle.db, checkpointPath, checkpointKey: key });
    await readOnly.flushCheckpoint();
    expect(fs.readFileSync(checkpointPath, 'utf8')).toBe(before);
    expect(await writeCheckpoint(handle.db, checkpointPath, key)).toMatchObject({ written: false, reason: 'diverged' });
  });

  it('refuses a checkpoint signed with another key', async () => {
    const otherKey = ephemeralKeys().auditCheckpoint;
    fs.rmSync(checkpointPath);
    await writeCheckpoint(handle.db, checkpointPath, otherKey);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenSeq: null });
    if (!result.ok) expect(result.reason).toContain('not signed');
    expect(await writeCheckpoint(handle.db, checkpointPath, key)).toMatchObject({ written: false, reason: 'invalid-existing' });
  });

  it('refuses a checkpoint edited by hand to match a shortened chain', async () => {
    await exec(sql`delete from audit_events where chain_seq >= 5`);
    const [head] = rowsOf<{ hash: string }>(await exec(sql`select hash from audit_events where chain_seq = 4`));
    const stored = JSON.parse(fs.readFileSync(checkpointPath, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(checkpointPath, JSON.stringify({ ...stored, seq: 4, hash: head!.hash }));
    expect(await verify()).toMatchObject({ ok: false, brokenSeq: null });
    fs.writeFileSync(checkpointPath, 'not json');
    expect(await verify()).toMatchObject({ ok: false, brokenSeq: null });
  });

  it('fails when the checkpoint file of a non-empty chain was removed, and names the checkpoint', async () => {
    fs.rmSync(checkpointPath);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenSeq: null, events: 6 });
    if (!result.ok) expect(result.reason).toContain('checkpoint is missing');
  });

  it('passes an empty chain without a checkpoint, and signs the empty chain so that a later removal shows', async () => {
    await exec(sql`delete from audit_events`);
    fs.rmSync(checkpointPath);
    expect(await verify()).toMatchObject({ ok: true, events: 0, checkpoint: null });
    expect(await writeCheckpoint(handle.db, checkpointPath, key)).toMatchObject({ written: true, checkpoint: { seq: 0 } });
    expect(await verify()).toMatchObject({ ok: true, events: 0, checkpoint: { seq: 0 } });
    await appendEvents(2);
    await audit.flushCheckpoint();
    expect(await verify()).toMatchObject({ ok: true, events: 2, checkpoint: { seq: 2 } });
  });

  it.each([
    ['widened', sql`update audit_events set subject_released_to = array['*'] where chain_seq = 7`, 7],
    ['removed', sql`update audit_events set subject_economy = null, subject_released_to = null where chain_seq = 7`, 7],
    ['added', sql`update audit_events set subject_economy = 'HR', subject_released_to = '{}' where chain_seq = 8`, 8],
  ])('hashes the subject of an event, so a scope %s afterwards breaks the chain there', async (_change, tamper, brokenSeq) => {
    await audit.record({ actor: officer }, { action: 'wanted.alert.read', recordType: 'wanted_alert', recordId: 'alert-7', subject: { economy: 'RS', releasedTo: ['RS'] } });
    await audit.record({ actor: officer }, { action: 'wanted.alert.read', recordType: 'wanted_alert', recordId: 'alert-8' });
    await audit.flushCheckpoint();
    expect(await verify()).toMatchObject({ ok: true, events: 8 });
    await exec(tamper);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenSeq });
    if (!result.ok) expect(result.reason).toContain('content does not match its hash');
  });

  it('lets the start-up check pass a chain that reaches its checkpoint', async () => {
    const guardDeps = { db: handle.db, audit, checkpointPath, checkpointKey: key };
    expect(await guardAuditHead(guardDeps, { acceptBreak: false })).toMatchObject({ ok: true, headSeq: 6, checkpointSeq: 6 });
    await appendEvents(2, 7);
    await audit.sealNow();
    expect(await guardAuditHead(guardDeps, { acceptBreak: false })).toMatchObject({ ok: true, headSeq: 8, checkpointSeq: 6 });
  });

  it.each([
    ['a rewritten chain', sql`update audit_events set hash = repeat('b', 64) where chain_seq = 6`, 'chain-diverged'],
    ['a cut chain', sql`delete from audit_events where chain_seq >= 5`, 'chain-short'],
  ])('refuses to start on %s, and serves it only when the break is accepted, recording that and keeping the evidence', async (_case, tamper, problem) => {
    await exec(tamper);
    const before = fs.readFileSync(checkpointPath, 'utf8');
    const guardDeps = { db: handle.db, audit, checkpointPath, checkpointKey: key };
    const refusal = await guardAuditHead(guardDeps, { acceptBreak: false }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AuditBreakError);
    expect((refusal as Error).message).toMatch(/refusing to start.*--accept-audit-break/);
    const warnings: string[] = [];
    expect(await guardAuditHead(guardDeps, { acceptBreak: true, warn: (message) => warnings.push(message) })).toMatchObject({ ok: false, problem });
    expect(warnings.join()).toContain('AUDIT CHAIN BREAK ACCEPTED');
    const [accepted] = rowsOf<{ action: string; details: Record<string, unknown> }>(await exec(sql`select action, details from audit_events order by seq desc limit 1`));
    expect(accepted).toMatchObject({ action: 'audit.chain.accept_break', details: { problem, checkpointSeq: 6 } });
    await audit.flushCheckpoint();
    expect(fs.readFileSync(checkpointPath, 'utf8')).toBe(before);
    await expect(guardAuditHead(guardDeps, { acceptBreak: false })).rejects.toThrow(AuditBreakError);
  });

  it('refuses to start when the checkpoint of a non-empty chain was removed, and signs an empty chain at its first start', async () => {
    fs.rmSync(checkpointPath);
    const guardDeps = { db: handle.db, audit, checkpointPath, checkpointKey: key };
    await expect(guardAuditHead(guardDeps, { acceptBreak: false })).rejects.toThrow(/checkpoint is missing although the chain holds 6 events/);
    expect(fs.existsSync(checkpointPath)).toBe(false);
    await exec(sql`delete from audit_events`);
    expect(await guardAuditHead(guardDeps, { acceptBreak: false })).toMatchObject({ ok: true, headSeq: 0, checkpointSeq: null });
    expect(readCheckpoint(checkpointPath, key)).toMatchObject({ seq: 0 });
    expect(await guardAuditHead(guardDeps, { acceptBreak: false })).toMatchObject({ ok: true, checkpointSeq: 0 });
  });

  it('keeps the chain gapless under concurrent appends from parallel transactions', async () => {
    await Promise.all([
      ...Array.from({ length: 12 }, (_, index) => audit.record({ actor: officer }, { action: 'profile.read', details: { index } })),
      ...Array.from({ length: 6 }, (_, index) =>
        audit.command(async (tx) => {
          await audit.append(tx, { actor: officer }, { action: 'wanted.alert.update', recordId: `a-${index}` });
          await audit.append(tx, { actor: officer }, { action: 'wanted.alert.read', recordId: `a-${index}` });
        }),
      ),
    ]);
    await audit.flushCheckpoint();
    const seqs = rowsOf<{ seq: string | number }>(await exec(sql`select chain_seq as seq from audit_events order by chain_seq`)).map((row) => Number(row.seq));
    expect(seqs).toEqual(Array.from({ length: 6 + 12 + 12 }, (_, index) => index + 1));
    expect(await verify()).toMatchObject({ ok: true, events: 30, checkpoint: { seq: 30 } });
  });

  it('leaves no event behind when the transaction that appended it rolls back', async () => {
    await expect(
      audit.command(async (tx) => {
        await audit.append(tx, { actor: officer }, { action: 'wanted.alert.create', recordId: 'never' });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await eventCount()).toBe(6);
    await appendEvents(1, 7);
    await audit.sealNow();
    expect(await verifyWithoutCheckpoint()).toMatchObject({ ok: true, events: 7 });
  });
});
