import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../db/schema/mail';
import { createTestDatabase } from '../../test/build-test-app';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink';
import type { DbHandle } from '../../db/client';
import { countPendingMail, createMailer } from './mailer';

let database: { handle: DbHandle; drop(): Promise<void> };
let sink: SmtpSink;
let now = new Date('2026-12-02T08:00:00Z');
const clock = () => now;

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await database.drop();
});

describe('mail outbox', () => {
  it('sends what was queued in a committed transaction, and nothing of a rolled-back one', async () => {
    const { db } = database.handle;
    const mailer = createMailer({ db, clock, smtpUrl: sink.url, from: 'Mosaic <no-reply@mosaic.test>' });
    await db.transaction(async (tx) => {
      await mailer.enqueue(tx, [{ to: 'desk.rs@mosaic.test', subject: 'Something waits for your desk', text: 'Open Mosaic to read it.', reason: 'test.committed' }]);
    });
    await db
      .transaction(async (tx) => {
        await mailer.enqueue(tx, [{ to: 'other@mosaic.test', subject: 'Never sent', text: 'x', reason: 'test.rolled_back' }]);
        throw new Error('roll back');
      })
      .catch(() => undefined);

    expect(await mailer.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sink.messages).toEqual([
      { from: 'no-reply@mosaic.test', to: ['desk.rs@mosaic.test'], subject: 'Something waits for your desk', text: 'Open Mosaic to read it.\n' },
    ]);
    expect(await countPendingMail(db)).toBe(0);
    expect(await mailer.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    await mailer.stop();
  });

  it('keeps a message and retries it later when the SMTP server is unreachable', async () => {
    const { db } = database.handle;
    const unreachable = createMailer({ db, clock, smtpUrl: 'smtp://127.0.0.1:9', from: 'no-reply@mosaic.test' });
    await unreachable.enqueue(db, [{ to: 'later@mosaic.test', subject: 'Retry me', text: 'x', reason: 'test.retry' }]);
    expect(await unreachable.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.reason, 'test.retry'));
    expect(row?.attempts).toBe(1);
    expect(row?.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    await unreachable.stop();

    // Not due yet for a working sender; due a minute later.
    const working = createMailer({ db, clock, smtpUrl: sink.url, from: 'no-reply@mosaic.test' });
    expect((await working.deliverDue()).sent).toBe(0);
    now = new Date(now.getTime() + 60_000);
    expect((await working.deliverDue()).sent).toBe(1);
    expect(sink.messages.at(-1)?.subject).toBe('Retry me');
    await working.stop();
  });

  it('refuses a recipient that is not an e-mail address and queues nothing', async () => {
    const { db } = database.handle;
    const mailer = createMailer({ db, clock, smtpUrl: undefined, from: 'no-reply@mosaic.test' });
    await expect(mailer.enqueue(db, [{ to: 'not an address', subject: 's', text: 't', reason: 'test.bad' }])).rejects.toThrow(/not an e-mail address/);
    expect(mailer.enabled).toBe(false);
    expect(await mailer.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });
});
