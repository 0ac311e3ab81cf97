import type { Db } from '../../db/client';
import { notifyUser } from '../notifications';
import { readersOfDesks } from './exchange.audience';
import { itemAccess } from './exchange.presenter';
import type { ItemRow } from './exchange.schema';
import { type ExchangeMailDeps, mailDeskReaders } from './exchange.mail';

const TITLES = {
  delivered: (row: ItemRow) => `New item ${row.reference} for your desk`,
  retracted: (row: ItemRow) => `Retraction ${row.reference}: acknowledge it for your desk`,
  returned: (row: ItemRow) => `Item ${row.reference} was returned to your desk with a note`,
  clarification: (row: ItemRow) => `Item ${row.reference}: your contact-point desk asks a question`,
  clarified: (row: ItemRow) => `Item ${row.reference}: the sending desk answered your question`,
};

/**
 * Tells every member of the recipient desks who may read the item that it arrived: the notice
 * names the reference only, so it says nothing to anyone the marking would not let read it.
 */
export async function noticeRecipients(tx: Db, row: ItemRow, recipientDeskIds: string[], what: keyof typeof TITLES, mail?: ExchangeMailDeps): Promise<void> {
  const readers = await readersOfDesks(tx, recipientDeskIds, itemAccess(row, recipientDeskIds));
  for (const userId of readers) {
    await notifyUser(tx, { userId, kind: `exchange.item.${what}`, title: TITLES[what](row), link: `/exchange/items/${row.id}`, recordType: 'exchange_item', recordId: row.id });
  }
  if (mail) await mailDeskReaders(tx, mail, row, recipientDeskIds, what);
}
