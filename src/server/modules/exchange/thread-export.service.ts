import { auditSubjectOf } from '../../access/audit-scope';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/authorize';
import { NotFoundProblem } from '../../platform/http/errors';
import type { PdfLanguage } from '../../platform/pdf/pdf-strings';
import { htmlToText } from '../portal';
import { type ExchangeDeps, loadThread, loadVisibleItem, requireUser } from './exchange.context';
import { createFollowUpService } from './follow-up.service';
import { findFollowUp } from './follow-up.queries';
import { renderThreadPdf } from './thread-export.pdf';

/** The thread as a PDF for the case file: only the items the reader may see; the export is audited. */
export function createThreadExportService(deps: ExchangeDeps) {
  const { db, audit, clock } = deps;
  const followUps = createFollowUpService(deps);

  /** The hit behind the thread, read under the wanted module's rules (audited there); none when the reader may not see it. */
  async function followUpOf(actor: Actor, threadId: string, ip: string) {
    const followUp = await findFollowUp(db, threadId);
    if (!followUp) return null;
    try {
      return await followUps.read(actor, followUp.itemId, ip);
    } catch (error) {
      if (error instanceof NotFoundProblem) return null;
      throw error;
    }
  }

  return {
    exportPdf: async (actor: Actor, itemId: string, ip: string, language: PdfLanguage): Promise<{ bytes: Uint8Array; fileName: string }> => {
      const user = requireUser(actor);
      const { row, access } = await loadVisibleItem(db, user, itemId);
      authorize(user, 'exchange.thread.export', access, { type: 'exchange_item', id: itemId });
      const now = clock();
      const { view, rows } = await loadThread(db, user, row.threadId, itemId, now);
      const bodies = new Map(view.thread.map((item) => [item.id, item.bodyHtml === null ? null : htmlToText(item.bodyHtml)]));
      const followUp = await followUpOf(user, row.threadId, ip);
      const bytes = await renderThreadPdf({ items: view.thread, bodies, printedBy: `${user.displayName}, ${user.organisationName}`, printedAt: now, language, followUp });
      await audit.record({ actor: user, ip }, { action: 'exchange.thread.export', recordType: 'exchange_item', recordId: itemId, details: { threadId: row.threadId, itemIds: rows.map((each) => each.id) }, subject: auditSubjectOf(row) });
      return { bytes, fileName: `${view.thread[0]!.reference}.pdf` };
    },
  };
}
