import type { Actor } from '../../access/actor';
import { auditSubjectOf } from '../../access/audit-scope';
import type { createAlertService, WantedDeps } from './alerts.service';
import { requireUser } from './alerts.service';
import { type SheetLanguage, renderAlertSheet } from './alert-sheet.pdf';
import type { createPhotoService } from './photos.service';

/** The printable alert sheet (PDF): for readers of the alert only, every download audited. */
export function createAlertSheetService(deps: WantedDeps, alerts: ReturnType<typeof createAlertService>, photos: ReturnType<typeof createPhotoService>) {
  const { audit, clock } = deps;
  return {
    sheet: async (actor: Actor, id: string, ip: string, language: SheetLanguage) => {
      const user = requireUser(actor);
      const row = await alerts.loadVisible(actor, id, 'wanted.alert.read');
      const view = await alerts.view(actor, row);
      const images = await Promise.all(view.photos.slice(0, 3).map((photo) => photos.read(actor, id, photo.id, ip).catch(() => null)));
      const bytes = await renderAlertSheet({
        alert: view,
        photos: images.flatMap((image) => (image ? [image] : [])),
        printedBy: `${user.displayName} (${user.organisationName})`,
        printedAt: clock(),
        language,
      });
      await audit.record({ actor, ip }, { action: 'wanted.alert.sheet', recordType: 'wanted_alert', recordId: id, details: { language }, subject: auditSubjectOf(row) });
      return { bytes, filename: `${view.reference}.pdf` };
    },
  };
}
