import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { mailOutbox } from '../../db/schema/mail';

/** One message: it says that something is waiting and where, never a marked record's content. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** What caused it, e.g. `exchange.item` or `hotline.escalation`. */
  reason: string;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

export interface Mailer {
  /** Whether an SMTP server is configured; without one, messages wait in the outbox. */
  readonly enabled: boolean;
  /** Queues messages inside the caller's transaction: a rolled-back change sends nothing. */
  enqueue(tx: Db, messages: OutgoingMail[]): Promise<void>;
  /** Delivers the messages that are due (also called by the timer of `start`). */
  deliverDue(): Promise<DeliveryReport>;
  start(): void;
  stop(): Promise<void>;
}

export interface MailerOptions {
  db: Db;
  clock: () => Date;
  /** `smtp://user:pass@host:587` or `smtps://…`; undefined keeps every message queued. */
  smtpUrl: string | undefined;
  from: string;
}

const DELIVERY_INTERVAL_MS = 5_000;
const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;
const Recipient = z.email();

/** The delay after the n-th failed attempt: 1, 2, 4 … minutes, at most 2 hours. */
function backOffMs(attempts: number): number {
  return Math.min(2 ** (attempts - 1), 120) * 60_000;
}

export function createMailer(options: MailerOptions): Mailer {
  const { db, clock } = options;
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<DeliveryReport> | null = null;

  async function enqueue(tx: Db, messages: OutgoingMail[]) {
    if (messages.length === 0) return;
    for (const message of messages) {
      if (!Recipient.safeParse(message.to).success) throw new Error(`mail recipient is not an e-mail address (${message.reason})`);
    }
    const now = clock();
    await tx.insert(mailOutbox).values(
      messages.map((message) => ({ recipient: message.to, subject: message.subject, bodyText: message.text, reason: message.reason, createdAt: now, nextAttemptAt: now })),
    );
  }

  async function deliverBatch(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
    if (!transport) return report;
    // Several nodes may deliver at once: each takes rows no other holds.
    await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(mailOutbox)
        .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), lte(mailOutbox.nextAttemptAt, clock())))
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(BATCH_SIZE)
        .for('update', { skipLocked: true });
      for (const row of due) {
        try {
          await transport.sendMail({ from: options.from, to: row.recipient, subject: row.subject, text: row.bodyText });
          await tx.update(mailOutbox).set({ sentAt: clock(), attempts: row.attempts + 1, lastError: null }).where(eq(mailOutbox.id, row.id));
          report.sent += 1;
        } catch (error) {
          const attempts = row.attempts + 1;
          const lastError = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
          const gaveUp = attempts >= MAX_ATTEMPTS;
          await tx
            .update(mailOutbox)
            .set({ attempts, lastError, failedAt: gaveUp ? clock() : null, nextAttemptAt: new Date(clock().getTime() + backOffMs(attempts)) })
            .where(eq(mailOutbox.id, row.id));
          if (gaveUp) report.failed += 1;
          else report.retried += 1;
        }
      }
    });
    return report;
  }

  function deliverDue(): Promise<DeliveryReport> {
    // One delivery at a time per node; a second caller waits for the running one, then runs.
    const previous = running ?? Promise.resolve({ sent: 0, retried: 0, failed: 0 });
    const next = previous.catch(() => undefined).then(deliverBatch);
    running = next.finally(() => {
      if (running === next) running = null;
    });
    return next;
  }

  return {
    enabled: transport !== null,
    enqueue,
    deliverDue,
    start() {
      if (!transport || timer) return;
      timer = setInterval(() => {
        deliverDue().catch(() => undefined);
      }, DELIVERY_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
      transport?.close();
    },
  };
}

/** Messages still waiting (for the health page and tests). */
export async function countPendingMail(db: Db): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt)));
  return row?.count ?? 0;
}
