import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Article, type ContentLanguage, Document, Event, Indicator } from '../../../../contract/portal';
import { api } from '../../../api/client';

/** The public DTO each previewable kind is shown through (the public page's own component). */
export const PREVIEW_SCHEMAS = { articles: Article, documents: Document, events: Event, indicators: Indicator } as const;
export type PreviewType = keyof typeof PREVIEW_SCHEMAS;

/** The reviewer's preview of an item in any status, as the public page will show it. */
export function useItemPreview<T extends PreviewType>(type: T, id: string, lang: ContentLanguage | undefined) {
  return useQuery({
    queryKey: ['portal', 'editor', type, id, 'preview', lang ?? null],
    queryFn: ({ signal }) => api(PREVIEW_SCHEMAS[type], `/api/portal/editor/${type}/${id}/preview`, { query: { lang }, signal }) as Promise<z.infer<(typeof PREVIEW_SCHEMAS)[T]>>,
  });
}

export const LeadImage = z.object({ id: z.uuid(), url: z.string(), width: z.number().int(), height: z.number().int() });

/** Uploads a lead image for an article; the answer's address goes into the form's lead image field. */
export function useUploadLeadImage(articleId: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api(LeadImage, `/api/portal/editor/articles/${articleId}/lead-image`, { method: 'POST', body });
    },
  });
}
