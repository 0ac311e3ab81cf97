import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { deskMembers, desks, users } from '../../db/schema/core';
import type { Mailer, OutgoingMail } from '../../platform/mail/mailer';
import { readersOfDesks } from './exchange.audience';
import { formatDeadlineForNotice } from './exchange.deadlines';
import { itemAccess } from './exchange.presenter';
import type { ItemRow } from './exchange.schema';

export interface ExchangeMailDeps {
  mailer: Mailer;
  config: { publicUrl: string };
}

export type MailOccasion = 'delivered' | 'retracted' | 'due' | 'returned' | 'clarification' | 'clarified';

const FOOTER = 'This message only says that something is waiting. Sign in to Mosaic to read it; do not reply to this e-mail.';

/** The words of each notice: the desk's name and the link, never the item's subject or content. */
function compose(occasion: MailOccasion, deskNames: string, link: string, row: ItemRow): Pick<OutgoingMail, 'subject' | 'text'> {
  switch (occasion) {
    case 'delivered':
      return { subject: `Mosaic: an item waits for ${deskNames}`, text: `An item waits for ${deskNames}.\n\n${link}\n\n${FOOTER}\n` };
    case 'retracted':
      return { subject: `Mosaic: a retraction for ${deskNames} to acknowledge`, text: `An item sent to ${deskNames} was retracted; acknowledge the retraction for your desk.\n\n${link}\n\n${FOOTER}\n` };
    case 'returned':
      return { subject: `Mosaic: an item was returned to ${deskNames}`, text: `An item of ${deskNames} was returned with a note; it was not delivered.\n\n${link}\n\n${FOOTER}\n` };
    case 'clarification':
      return { subject: `Mosaic: a question for ${deskNames}`, text: `The contact-point desk holding an item of ${deskNames} asks a question before forwarding it.\n\n${link}\n\n${FOOTER}\n` };
    case 'clarified':
      return { subject: `Mosaic: an answer for ${deskNames}`, text: `The sending desk answered the question of ${deskNames} on an item waiting there.\n\n${link}\n\n${FOOTER}\n` };
    case 'due':
      return {
        subject: `Mosaic: a request for ${deskNames} is due ${formatDeadlineForNotice(row.dueAt!)}`,
        text: `A request waiting for ${deskNames} is due ${formatDeadlineForNotice(row.dueAt!)}.\n\n${link}\n\n${FOOTER}\n`,
      };
  }
}

/**
 * E-mails every member of the desks whom the marking lets read the item (the same people as the
 * in-app notice, so a mail is never a trace): one message per person, naming their desks.
 * Queued in the caller's transaction.
 */
export async function mailDeskReaders(tx: Db, mail: ExchangeMailDeps, row: ItemRow, deskIds: string[], occasion: MailOccasion): Promise<number> {
  const readers = await readersOfDesks(tx, deskIds, itemAccess(row, deskIds));
  if (readers.length === 0) return 0;
  const rows = await tx
    .select({ userId: users.id, email: users.email, desk: desks.name })
    .from(deskMembers)
    .innerJoin(users, eq(users.id, deskMembers.userId))
    .innerJoin(desks, eq(desks.id, deskMembers.deskId))
    .where(and(inArray(deskMembers.deskId, deskIds), inArray(deskMembers.userId, readers)));
  const byUser = new Map<string, { email: string; desks: string[] }>();
  for (const member of rows) {
    const entry = byUser.get(member.userId) ?? { email: member.email, desks: [] };
    entry.desks.push(member.desk);
    byUser.set(member.userId, entry);
  }
  const link = `${mail.config.publicUrl.replace(/\/$/, '')}/exchange/items/${row.id}`;
  const messages = [...byUser.values()]
    .filter((entry) => entry.email.includes('@'))
    .map((entry) => ({ to: entry.email, reason: `exchange.item.${occasion}`, ...compose(occasion, entry.desks.sort().join(', '), link, row) }));
  await mail.mailer.enqueue(tx, messages);
  return messages.length;
}
