import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Actor } from '../../access/actor';
import { can } from '../../access/policy';
import { NotFoundProblem, UnprocessableProblem } from '../../platform/http/errors';
import { isUser } from '../../access/actor';
import { type PortalServiceDeps, type WriteContext, assertEditable } from './portal.deps';
import { portalArticles } from './portal.schema';
import { portalLeadImages } from './saved-searches.schema';
import type { DocumentStorage } from './documents.storage';

/** An upload may be at most 10 MB … */
export const LEAD_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
/** … and decode to at most 40 million pixels (a small file can claim gigapixels). */
export const LEAD_IMAGE_MAX_PIXELS = 40_000_000;
/** The stored image's longer side. */
const STORED_SIDE = 1600;
const FORMATS = new Set(['jpeg', 'png', 'webp']);

export interface LeadImageView {
  id: string;
  url: string;
  width: number;
  height: number;
}

const refuse = (message: string, detail: string) => new UnprocessableProblem(detail, [{ path: 'file', message }]);

/**
 * Reads the header first (no pixel decoded), refuses what is not a JPEG, PNG or WebP or claims
 * too many pixels, then decodes under the pixel limit and re-encodes a resized WebP: what is
 * stored is always an image sharp produced, never the uploaded bytes.
 */
export async function resizeLeadImage(bytes: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => null);
  if (!metadata?.format || !FORMATS.has(metadata.format)) throw refuse('not_an_image', 'The file is not a JPEG, PNG or WebP image.');
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > LEAD_IMAGE_MAX_PIXELS) {
    throw refuse('too_many_pixels', `The image may have at most ${LEAD_IMAGE_MAX_PIXELS / 1_000_000} million pixels.`);
  }
  const result = await sharp(bytes, { limitInputPixels: LEAD_IMAGE_MAX_PIXELS, failOn: 'truncated' })
    .rotate()
    .resize({ width: STORED_SIDE, height: STORED_SIDE, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 82 })
    .toBuffer({ resolveWithObject: true })
    .catch(() => null);
  if (!result) throw refuse('unreadable_image', 'The image is damaged or incomplete and cannot be read.');
  return { data: result.data, width: result.info.width, height: result.info.height };
}

/** Lead images of articles: uploaded by editors, served to everyone once the article is public. */
export function createLeadImageService(deps: PortalServiceDeps & { storage: DocumentStorage; publicUrl: string }) {
  const urlOf = (id: string) => `${deps.publicUrl.replace(/\/$/, '')}/api/portal/lead-images/${id}`;

  return {
    upload: async (context: WriteContext, articleId: string, bytes: Buffer): Promise<LeadImageView> => {
      const image = await resizeLeadImage(bytes);
      const storageKey = deps.storage.newKey();
      const staged = await deps.storage.stage(storageKey, image.data);
      try {
        const id = await deps.audit.command(async (tx) => {
          await assertEditable(tx, context, 'articles', articleId);
          const [row] = await tx
            .insert(portalLeadImages)
            .values({ articleId, storageKey, mediaType: 'image/webp', width: image.width, height: image.height, sizeBytes: image.data.length, uploadedBy: isUser(context.actor) ? context.actor.userId : null, createdAt: deps.clock() })
            .returning({ id: portalLeadImages.id });
          await deps.audit.append(tx, context, { action: 'portal.article.lead_image', recordType: 'portal_article', recordId: articleId, details: { imageId: row!.id, width: image.width, height: image.height } });
          return row!.id;
        });
        await staged.commit();
        return { id, url: urlOf(id), width: image.width, height: image.height };
      } catch (error) {
        await staged.discard();
        throw error;
      }
    },

    /** A published article's image for anyone; a draft's only for editors (others get 404). */
    read: async (actor: Actor, id: string): Promise<Buffer> => {
      const [row] = await deps.db
        .select({ storageKey: portalLeadImages.storageKey, status: portalArticles.status, publishAt: portalArticles.publishAt })
        .from(portalLeadImages)
        .innerJoin(portalArticles, eq(portalArticles.id, portalLeadImages.articleId))
        .where(and(eq(portalLeadImages.id, id)));
      if (!row) throw new NotFoundProblem();
      const isPublic = row.status === 'published' && row.publishAt !== null && row.publishAt <= deps.clock();
      if (!isPublic && !can(actor, 'portal.content.write')) throw new NotFoundProblem();
      return deps.storage.read(row.storageKey);
    },
  };
}

export type LeadImageService = ReturnType<typeof createLeadImageService>;
