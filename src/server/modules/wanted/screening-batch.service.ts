import type { z } from 'zod';
import {
  BATCH_SCREEN_MAX,
  BatchQueryKey,
  BatchScreenQuery,
  type BatchScreenInput,
  type BatchScreenResponse,
  type BatchScreenResult,
} from '../../../contract/wanted-batch';
import type { Actor } from '../../access/actor';
import { BadRequestProblem, type HttpProblem } from '../../platform/http/errors';
import { problemDocument } from '../../platform/http/problem-handler';
import { requireUser, type WantedDeps } from './alerts.service';
import type { ScreeningItem, createScreeningService } from './screening.service';

type ScreeningService = ReturnType<typeof createScreeningService>;

const INSTANCE = '/api/wanted/screenings/batch';

function issuesOf(key: string, error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: ['queries', key, ...issue.path.map(String)].join('.'), message: issue.message }));
}

/** A query as the single screening takes it, or the problem of a query that does not fit. */
function parseQuery(key: string, raw: unknown, purpose: string | undefined): { query: BatchScreenQuery; item: ScreeningItem } | BatchScreenResponse {
  const withPurpose = purpose !== undefined && raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? { purpose, ...raw } : raw;
  const parsed = BatchScreenQuery.safeParse(withPurpose);
  if (!parsed.success) {
    const detail = `Query ${key} is not a person or an object query as the API describes it; it was not screened.`;
    return { status: 400, problem: problemDocument({ status: 400, detail, errors: issuesOf(key, parsed.error) }, INSTANCE) };
  }
  // The single screening reads only its own fields; `schema` rides along unread.
  const query = parsed.data;
  return { query, item: query.schema === 'Person' ? { schema: 'Person', input: query } : { schema: 'Object', input: query } };
}

/** A query the single screening refused becomes that query's problem, with its paths under the query's key. */
function refusedQuery(key: string, error: HttpProblem): BatchScreenResponse {
  const errors = error.errors?.map((item) => ({ path: `queries.${key}.${item.path.replace(/^body\./, '')}`, message: item.message }));
  return { status: error.status, problem: problemDocument({ status: error.status, title: error.title, detail: error.detail, errors }, INSTANCE) };
}

/**
 * Up to 100 persons or objects in one call, each screened exactly as a single screening is
 * (the same service: its hits, notifications and audit events). A query that does not fit, or
 * that the single screening refuses, gets its own problem; the others are answered.
 */
export function createBatchScreeningService(deps: Pick<WantedDeps, 'audit'>, screening: ScreeningService) {
  async function refuse(actor: Actor, ip: string, details: Record<string, unknown>, problem: HttpProblem): Promise<never> {
    await deps.audit.record({ actor, ip }, { action: 'wanted.screen.batch', outcome: 'failure', details: { ...details, apiKeyId: actorKeyId(actor) } });
    throw problem;
  }

  return {
    screen: async (actor: Actor, input: BatchScreenInput, ip: string): Promise<BatchScreenResult> => {
      const user = requireUser(actor);
      const entries = Object.entries(input.queries);
      if (entries.length === 0) {
        await refuse(user, ip, { reason: 'empty', queries: 0 }, new BadRequestProblem('The batch has no queries; send 1 to 100.', [{ path: 'body.queries', message: 'empty' }]));
      }
      if (entries.length > BATCH_SCREEN_MAX) {
        await refuse(
          user,
          ip,
          { reason: 'too_many', queries: entries.length },
          new BadRequestProblem(`The batch has ${entries.length} queries; at most ${BATCH_SCREEN_MAX} are screened in one call. Nothing was screened.`, [
            { path: 'body.queries', message: `at most ${BATCH_SCREEN_MAX}` },
          ]),
        );
      }
      const badKeys = entries.map(([key]) => key).filter((key) => !BatchQueryKey.safeParse(key).success);
      if (badKeys.length > 0) {
        await refuse(
          user,
          ip,
          { reason: 'bad_keys', queries: entries.length },
          new BadRequestProblem('Query keys are 1–64 letters, digits, “_”, “.”, “:” or “-”. Nothing was screened.', badKeys.slice(0, 20).map((key) => ({ path: `body.queries.${key.slice(0, 64)}`, message: 'not a valid key' }))),
        );
      }
      const answers = new Map<string, BatchScreenResponse>();
      const toScreen: { key: string; query: BatchScreenQuery; item: ScreeningItem }[] = [];
      for (const [key, raw] of entries) {
        const parsed = parseQuery(key, raw, input.purpose);
        if ('status' in parsed) answers.set(key, parsed);
        else toScreen.push({ key, ...parsed });
      }
      // In the batch's order, as single screenings one after the other would be answered.
      const results = await screening.many(user, toScreen.map(({ item }) => item), ip);
      for (const [i, { key, query }] of toScreen.entries()) {
        const result = results[i]!;
        answers.set(key, result.ok ? { status: 200, query, ...result.result } : refusedQuery(key, result.problem));
      }
      const responses: Record<string, BatchScreenResponse> = Object.fromEntries(entries.map(([key]) => [key, answers.get(key)!]));
      const refused = entries.map(([key]) => key).filter((key) => answers.get(key)!.status !== 200);
      await deps.audit.record(
        { actor: user, ip },
        {
          action: 'wanted.screen.batch',
          outcome: refused.length === entries.length ? 'failure' : 'success',
          details: { apiKeyId: actorKeyId(user), queries: entries.length, answered: entries.length - refused.length, refused },
        },
      );
      return { responses, answered: entries.length - refused.length, refused: refused.length };
    },
  };
}

function actorKeyId(actor: Actor): string | null {
  return actor.kind === 'user' ? (actor.apiKey?.id ?? null) : null;
}
