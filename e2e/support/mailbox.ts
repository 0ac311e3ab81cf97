import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';

/** One message the run's SMTP sink received (e2e/support/smtp-sink.ts). */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

function mailboxDir(): string {
  const dir = process.env.E2E_MAILBOX_DIR;
  if (!dir) throw new Error('E2E_MAILBOX_DIR is not set (playwright.config.ts sets it)');
  return dir;
}

/** Every message received so far in this run, oldest first. */
export function receivedMail(): ReceivedMail[] {
  const dir = mailboxDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as ReceivedMail);
}

/** The messages received so far for one address (case-insensitive). */
export function mailTo(address: string): ReceivedMail[] {
  const wanted = address.toLowerCase();
  return receivedMail().filter((mail) => mail.to.includes(wanted));
}

/**
 * Waits until the sink has received a message for `address` that passes `match` (the server
 * delivers its outbox every few seconds), and returns it.
 */
export async function waitForMail(address: string, options: { match?: (mail: ReceivedMail) => boolean; timeout?: number; message?: string } = {}): Promise<ReceivedMail> {
  const match = options.match ?? (() => true);
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        found = mailTo(address).find(match);
        return found !== undefined;
      },
      { message: options.message ?? `an e-mail to ${address} reaches the SMTP sink`, timeout: options.timeout ?? 30_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}
