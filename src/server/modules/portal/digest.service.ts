import { SearchQuery, type SearchResult } from '../../../contract/portal';
import { anonymousActor } from '../../access/actor';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import type { Mailer } from '../../platform/mail/mailer';
import { label } from './pages.labels';
import { lockDueDigests, newlyPublished, updateSavedSearch } from './saved-searches.queries';
import type { UnsubscribeTokens } from './subscriptions.token';

export interface DigestDeps {
  db: Db;
  audit: AuditService;
  clock: () => Date;
  mailer: Mailer;
  tokens: UnsubscribeTokens;
  publicUrl: string;
  /** The period of a daily digest (`PORTAL_DIGEST_DAY_SECONDS`); a weekly one waits seven. */
  dayMs: number;
  /** Searches inside the digest's transaction (PGlite has one connection). */
  search: (db: Db, now: Date, query: SearchQuery) => Promise<SearchResult>;
}

/** Subscriptions handled per run; the rest wait for the next run. */
const BATCH = 100;
/** The best-ranked matches looked at per search: a digest names new items among them. */
const MATCHES_LOOKED_AT = 100;
/** At most this many items are listed in one e-mail. */
const LISTED = 20;

export interface DigestReport {
  sent: number;
  empty: number;
}

/** The unsubscribe page of the web app: it posts the token and says in words what happened. */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/**
 * Sends the due daily and weekly digests: the public items published since the last digest
 * that match the saved search, through the mail outbox, with a one-click unsubscribe link.
 * Disabled accounts are skipped in SQL; an empty period sends nothing but moves the mark on.
 */
export async function runDigests(deps: DigestDeps): Promise<DigestReport> {
  const report: DigestReport = { sent: 0, empty: 0 };
  const now = deps.clock();
  await deps.audit.command(async (tx) => {
    const due = await lockDueDigests(tx, now, BATCH, deps.dayMs);
    for (const { search, accountEmail } of due) {
      const since = search.lastDigestAt ?? search.createdAt;
      // Titles in the recipient's UI language where an item has that translation.
      const parsed = SearchQuery.safeParse({ ...search.query, lang: search.language, page: 1, pageSize: MATCHES_LOOKED_AT });
      const result = parsed.success ? await deps.search(tx, now, parsed.data) : null;
      const hits = result?.items ?? [];
      const fresh = await newlyPublished(tx, hits, since, now);
      const items = hits.filter((hit) => fresh.has(`${hit.type}:${hit.id}`)).slice(0, LISTED);
      await updateSavedSearch(tx, search.id, { lastDigestAt: now });
      if (items.length === 0 || !search.unsubscribeNonce) {
        report.empty += 1;
        continue;
      }
      const base = deps.publicUrl.replace(/\/$/, '');
      const link = unsubscribeUrl(base, deps.tokens.issue(search.id, search.unsubscribeNonce));
      const lines = items.map((item) => `- ${item.title}\n  ${base}${item.url}`);
      // Written in the recipient's UI language, with the web app's own strings (portal.json `digest`).
      const say = (key: string, values: Record<string, string | number>) => label(search.language, `digest.${key}`, values);
      const frequency = search.frequency === 'weekly' ? 'weekly' : 'daily';
      await deps.mailer.enqueue(tx, [
        {
          to: search.email ?? accountEmail,
          subject: say('subject', { name: search.name, count: items.length }),
          text: [say(`intro.${frequency}`, { name: search.name }), '', ...lines, '', say('unsubscribe', { link }), say('manage', { link: `${base}/work` })].join('\n'),
          reason: 'portal.digest',
        },
      ]);
      await deps.audit.append(tx, { actor: anonymousActor }, { action: 'portal.saved_search.digest', actorLabel: 'system', recordType: 'portal_saved_search', recordId: search.id, details: { items: items.length } });
      report.sent += 1;
    }
  });
  return report;
}
