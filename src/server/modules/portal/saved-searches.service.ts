import { z } from 'zod';
import type { PortalUiLanguage } from '../../../contract/portal';
import type { SavedSearch, SavedSearchInput, SavedSearchList, SavedSearchUpdateInput, UnsubscribeResult } from '../../../contract/workspace';
import { type Actor, type UserActor, anonymousActor, isUser } from '../../access/actor';
import type { Db } from '../../db/client';
import type { AuditService } from '../../platform/audit/audit.service';
import { HttpProblem, NotFoundProblem, UnauthorizedProblem, UnprocessableProblem } from '../../platform/http/errors';
import type { SavedSearchRow } from './saved-searches.schema';
import { SAVED_SEARCH_LIMIT, countSavedSearches, deleteSavedSearch, findOwnSavedSearch, findSavedSearchForUpdate, insertSavedSearch, listSavedSearches, updateSavedSearch } from './saved-searches.queries';
import type { UnsubscribeTokens } from './subscriptions.token';

export interface SavedSearchDeps {
  db: Db;
  audit: AuditService;
  clock: () => Date;
  tokens: UnsubscribeTokens;
}

interface Context {
  actor: Actor;
  ip?: string | null;
  /** The request's UI language (Accept-Language), used when the input names none. */
  uiLanguage?: PortalUiLanguage;
}

const EmailAddress = z.email();

function requireUser(actor: Actor): UserActor {
  if (!isUser(actor)) throw new UnauthorizedProblem();
  return actor;
}

/** The digest address: the one given, checked, or the account's own. */
function digestEmail(given: string | null | undefined): string | null {
  if (given === undefined || given === null || given === '') return null;
  if (!EmailAddress.safeParse(given).success) throw new UnprocessableProblem('The e-mail address is not valid.', [{ path: 'email', message: 'invalid_email' }]);
  return given.toLowerCase();
}

export function presentSavedSearch(row: SavedSearchRow, accountEmail: string): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    frequency: row.frequency,
    email: row.email ?? accountEmail,
    language: row.language,
    lastDigestAt: row.lastDigestAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Problems of an unsubscribe link: the page shows them in words; nothing is changed. */
const invalidLink = () => new HttpProblem(400, 'Invalid unsubscribe link', 'This unsubscribe link is not valid. Open the link from the latest digest, or manage your subscriptions after signing in.', [{ path: 'token', message: 'invalid_token' }]);
const usedLink = () => new HttpProblem(410, 'Unsubscribe link already used', 'This link was already used, or the subscription has ended. Nothing was changed.', [{ path: 'token', message: 'used_token' }]);

/** A signed-in user's saved portal searches and their e-mail digest subscriptions. */
export function createSavedSearchService(deps: SavedSearchDeps) {
  const { db, audit, clock, tokens } = deps;

  return {
    list: async (actor: Actor): Promise<SavedSearchList> => {
      const user = requireUser(actor);
      return { items: (await listSavedSearches(db, user.userId)).map((row) => presentSavedSearch(row, user.email)) };
    },

    create: (context: Context, input: SavedSearchInput): Promise<SavedSearch> => {
      const user = requireUser(context.actor);
      const email = digestEmail(input.email);
      return audit.command(async (tx) => {
        if ((await countSavedSearches(tx, user.userId)) >= SAVED_SEARCH_LIMIT) {
          throw new UnprocessableProblem(`At most ${SAVED_SEARCH_LIMIT} saved searches; remove one first.`, [{ path: 'name', message: 'too_many' }]);
        }
        const now = clock();
        const row = await insertSavedSearch(tx, {
          userId: user.userId,
          name: input.name,
          query: input.query,
          frequency: input.frequency,
          email,
          language: input.language ?? context.uiLanguage ?? 'en',
          unsubscribeNonce: input.frequency === 'none' ? null : tokens.newNonce(),
          // New items are those published after the search was saved.
          lastDigestAt: now,
          createdAt: now,
          updatedAt: now,
        });
        await audit.append(tx, context, { action: 'portal.saved_search.create', recordType: 'portal_saved_search', recordId: row.id, details: { frequency: row.frequency, ownEmail: email === null } });
        return presentSavedSearch(row, user.email);
      });
    },

    update: (context: Context, id: string, input: SavedSearchUpdateInput): Promise<SavedSearch> => {
      const user = requireUser(context.actor);
      const email = input.email === undefined ? undefined : digestEmail(input.email);
      return audit.command(async (tx) => {
        const row = await findOwnSavedSearch(tx, user.userId, id, true);
        if (!row) throw new NotFoundProblem();
        const frequency = input.frequency ?? row.frequency;
        // Resubscribing issues a new link; the old one stays used.
        const nonce = frequency === 'none' ? null : (row.unsubscribeNonce ?? tokens.newNonce());
        const updated = await updateSavedSearch(tx, id, {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.query !== undefined && { query: input.query }),
          ...(email !== undefined && { email }),
          ...(input.language !== undefined && { language: input.language }),
          frequency,
          unsubscribeNonce: nonce,
          updatedAt: clock(),
        });
        const fields = Object.keys(input).sort();
        await audit.append(tx, context, { action: 'portal.saved_search.update', recordType: 'portal_saved_search', recordId: id, details: { fields } });
        return presentSavedSearch(updated, user.email);
      });
    },

    remove: (context: Context, id: string): Promise<void> => {
      const user = requireUser(context.actor);
      return audit.command(async (tx) => {
        if (!(await findOwnSavedSearch(tx, user.userId, id, true))) throw new NotFoundProblem();
        await deleteSavedSearch(tx, id);
        await audit.append(tx, context, { action: 'portal.saved_search.delete', recordType: 'portal_saved_search', recordId: id });
      });
    },

    /** The one-click link of a digest: works without a session, once. */
    unsubscribe: (context: { ip?: string | null }, token: string): Promise<UnsubscribeResult> => {
      const claim = tokens.verify(token);
      if (!claim) return Promise.reject(invalidLink());
      return audit.command(async (tx) => {
        const row = await findSavedSearchForUpdate(tx, claim.id);
        if (!row || row.unsubscribeNonce !== claim.nonce || row.frequency === 'none') throw usedLink();
        await updateSavedSearch(tx, row.id, { frequency: 'none', unsubscribeNonce: null, updatedAt: clock() });
        await audit.append(tx, { actor: anonymousActor, ip: context.ip }, { action: 'portal.saved_search.unsubscribe', actorLabel: 'unsubscribe link', recordType: 'portal_saved_search', recordId: row.id, details: { from: row.frequency } });
        return { name: row.name, frequency: row.frequency };
      });
    },
  };
}

export type SavedSearchService = ReturnType<typeof createSavedSearchService>;
