import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { UserActor } from '../../access/actor';
import type { Db, DbHandle } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { createTestDatabase } from '../../test/build-test-app';
import { ephemeralKeys } from '../crypto/secrets';
import { createAuditService } from './audit.service';
import { type AuditEventInput, insertAuditEvents } from './chain';
import { createSequencer, sealCommittedEvents } from './sequencer';
import { verifyAuditChain } from './verify';

const officer: UserActor = {
  kind: 'user',
  userId: '5d0c9a1e-2b41-4f7a-8c3e-6a1b2c3d4e5f',
  email: 'lena.krasniqi@kp.example',
  displayName: 'Lena Krasniqi',
  organisationId: '8c9d0e1f-2a3b-4c5d-8e6f-7a8b9c0d1e2f',
  organisationName: 'Kosovo Police',
  economy: 'XK',
  roles: ['officer'],
  clearance: 'RESTRICTED',
  deskIds: [],
  sharingGroupIds: [],
};

const input = (index: number): AuditEventInput => ({
  actorUserId: officer.userId,
  actorLabel: officer.email,
  actorEconomy: officer.economy,
  action: 'exchange.message.read',
  recordType: 'exchange_message',
  recordId: `message-${index}`,
  outcome: 'success',
  details: { index },
});

let handle: DbHandle;
let drop: () => Promise<void>;

const exec = (statement: ReturnType<typeof sql>) => handle.db.execute(statement);

async function chainState() {
  const [row] = rowsOf<{ total: number; sealed: number; positions: number; top: number | null }>(
    await exec(sql`select count(*)::int as total, count(chain_seq)::int as sealed, count(distinct chain_seq)::int as positions,
                          max(chain_seq)::int as top from audit_events`),
  );
  return row!;
}

/** Inserts events the way a module's transaction does, without sealing them. */
async function insertUnsealed(count: number) {
  await handle.db.transaction(async (tx) => {
    await insertAuditEvents(tx as unknown as Db, Array.from({ length: count }, (_, index) => input(index)));
  });
}

beforeAll(async () => {
  ({ handle, drop } = await createTestDatabase());
});

afterAll(async () => {
  await drop();
});

beforeEach(async () => {
  await exec(sql`delete from audit_events`);
});

describe('the audit sequencer', () => {
  it('inserts events unsealed in the change transaction and seals the committed ones in insertion order', async () => {
    await insertUnsealed(3);
    expect(await chainState()).toMatchObject({ total: 3, sealed: 0 });
    expect(await sealCommittedEvents(handle.db)).toEqual({ locked: true, sealed: 3 });
    const rows = rowsOf<{ chain_seq: string | number; record_id: string }>(await exec(sql`select chain_seq, record_id from audit_events order by seq`));
    expect(rows.map((row) => [Number(row.chain_seq), row.record_id])).toEqual([[1, 'message-0'], [2, 'message-1'], [3, 'message-2']]);
    expect(await sealCommittedEvents(handle.db)).toEqual({ locked: true, sealed: 0 });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, events: 3, unsealed: 0 });
  });

  it('seals the appends of 8 concurrent writers without gaps or forks, while the sequencer runs', async () => {
    const audit = createAuditService({ db: handle.db, checkpointPath: null, checkpointKey: ephemeralKeys().auditCheckpoint });
    audit.start();
    try {
      await Promise.all(
        Array.from({ length: 8 }, (_, writer) =>
          (async () => {
            for (let index = 0; index < 15; index += 1) {
              await audit.command(async (tx) => {
                await audit.append(tx, { actor: officer }, { action: 'exchange.message.read', recordId: `w${writer}-${index}` });
              });
            }
          })(),
        ),
      );
      await audit.sealNow();
    } finally {
      await audit.stop();
    }
    expect(await chainState()).toEqual({ total: 120, sealed: 120, positions: 120, top: 120 });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, events: 120, headSeq: 120, unsealed: 0 });
  });

  it('leaves no event of a rolled-back transaction, sealed or not', async () => {
    const audit = createAuditService({ db: handle.db, checkpointPath: null, checkpointKey: ephemeralKeys().auditCheckpoint });
    // Stopped at the end: a round it left scheduled would hold the lock in the next test.
    onTestFinished(() => audit.stop());
    await audit.command((tx) => audit.append(tx, { actor: officer }, { action: 'exchange.message.send', recordId: 'kept' }));
    await expect(
      audit.command(async (tx) => {
        await audit.append(tx, { actor: officer }, { action: 'exchange.message.send', recordId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await audit.sealNow();
    const rows = rowsOf<{ record_id: string }>(await exec(sql`select record_id from audit_events`));
    expect(rows.map((row) => row.record_id)).toEqual(['kept']);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, events: 1 });
  });

  it('detects a sealed event changed afterwards', async () => {
    await insertUnsealed(4);
    await sealCommittedEvents(handle.db);
    await exec(sql`update audit_events set record_id = 'message-99' where chain_seq = 2`);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, brokenSeq: 2 });
  });

  it('reports an unsealed tail older than the bound, and accepts a young one', async () => {
    await insertUnsealed(2);
    await sealCommittedEvents(handle.db);
    await insertUnsealed(3);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, events: 2, unsealed: 3 });
    await exec(sql`update audit_events set inserted_at = now() - interval '1 minute' where chain_seq is null`);
    const result = await verifyAuditChain(handle.db, { unsealedBoundSeconds: 30 });
    expect(result).toMatchObject({ ok: false, staleTail: true, brokenSeq: null, events: 2 });
    if (!result.ok) expect(result.reason).toContain('3 events committed more than 30 s ago are still unsealed');
    await sealCommittedEvents(handle.db);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, events: 5, unsealed: 0 });
  });

  it('never forks when two sequencers seal the same database at once', async () => {
    const first = createSequencer({ db: handle.db });
    const second = createSequencer({ db: handle.db });
    first.start();
    second.start();
    try {
      for (let burst = 0; burst < 10; burst += 1) {
        await Promise.all([
          ...Array.from({ length: 4 }, () => insertUnsealed(5)),
          sealCommittedEvents(handle.db),
          sealCommittedEvents(handle.db),
        ]);
        first.wake();
        second.wake();
      }
      await Promise.all([first.sealNow(), second.sealNow()]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    expect(await chainState()).toEqual({ total: 200, sealed: 200, positions: 200, top: 200 });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, events: 200, unsealed: 0 });
  });
});
