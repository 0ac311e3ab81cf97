import { and, isNull, ne, sql } from 'drizzle-orm';
import type { WorkflowType } from '../../../contract/portal';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/core';
import type { Mailer } from '../../platform/mail/mailer';
import { notifyUser } from '../notifications';

export interface ReviewNoticeDeps {
  mailer: Mailer;
  publicUrl: string;
}

const KIND_WORDS: Record<WorkflowType, string> = { articles: 'article', documents: 'document', events: 'event', indicators: 'indicator' };

/**
 * Four eyes need a second editor: when an item is submitted for review, every other enabled
 * editor gets a notification, and an e-mail when mail is configured. Portal content is public
 * once published, so the title may be named; the link opens the editor page with the preview.
 */
export function createReviewNotices(deps: ReviewNoticeDeps) {
  return {
    submitted: async (tx: Db, item: { type: WorkflowType; id: string; title: string; submittedBy: string | null }) => {
      const reviewers = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(sql`'editor' = any(${users.roles})`, isNull(users.disabledAt), item.submittedBy ? ne(users.id, item.submittedBy) : undefined));
      const link = `/editor/${item.type}/${item.id}`;
      const title = `Awaiting your review: ${item.title}`.slice(0, 200);
      for (const reviewer of reviewers) {
        await notifyUser(tx, { userId: reviewer.id, kind: 'portal.review.requested', title, body: `An ${KIND_WORDS[item.type]} was submitted for review; another editor must approve it before it is published.`, link, recordType: `portal_${KIND_WORDS[item.type]}`, recordId: item.id });
      }
      if (deps.mailer.enabled && reviewers.length > 0) {
        const url = `${deps.publicUrl.replace(/\/$/, '')}${link}`;
        await deps.mailer.enqueue(
          tx,
          reviewers.map((reviewer) => ({ to: reviewer.email, subject: 'Mosaic: a portal item awaits your review', text: `A portal ${KIND_WORDS[item.type]} awaits review by a second editor.\n\nOpen it: ${url}`, reason: 'portal.review' })),
        );
      }
      return reviewers.length;
    },
  };
}

export type ReviewNotices = ReturnType<typeof createReviewNotices>;
