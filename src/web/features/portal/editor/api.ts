import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Article, type ContentLanguage } from '../../../../contract/portal';
import { api } from '../../../api/client';

/** The reviewer's preview of an article in any status, as the public page will show it. */
export function useArticlePreview(id: string, lang: ContentLanguage | undefined) {
  return useQuery({ queryKey: ['portal', 'editor', 'articles', id, 'preview', lang ?? null], queryFn: ({ signal }) => api(Article, `/api/portal/editor/articles/${id}/preview`, { query: { lang }, signal }) });
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
