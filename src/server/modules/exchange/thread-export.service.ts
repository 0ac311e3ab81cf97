import { auditSubjectOf } from '../../access/audit-scope';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { htmlToText } from '../portal';
import { type ExchangeDeps, loadThread, loadVisibleItem, requireUser } from './exchange.context';
import { renderThreadPdf } from './thread-export.pdf';

/** The thread as a PDF for the case file: only the items the reader may see; the export is audited. */
export function createThreadExportService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;
  return {
    exportPdf: async (actor: Actor, itemId: string, ip: string): Promise<{ bytes: Uint8Array; fileName: string }> => {
      const user = requireUser(actor);
      const { row, access } = await loadVisibleItem(db, user, itemId);
      authorize(user, 'exchange.thread.export', access, { type: 'exchange_item', id: itemId });
      const now = clock();
      const { view, rows } = await loadThread(db, user, row.threadId, itemId, now);
      const bodies = new Map(view.thread.map((item) => [item.id, item.bodyHtml === null ? null : htmlToText(item.bodyHtml)]));
      const bytes = await renderThreadPdf({ items: view.thread, bodies, printedBy: `${user.displayName}, ${user.organisationName}`, printedAt: now });
      await audit.record({ actor: user, ip }, { action: 'exchange.thread.export', recordType: 'exchange_item', recordId: itemId, details: { threadId: row.threadId, itemIds: rows.map((each) => each.id) }, subject: auditSubjectOf(row) });
      return { bytes, fileName: `${view.thread[0]!.reference}.pdf` };
    },
  };
}
