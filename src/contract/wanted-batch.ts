import { z } from 'zod';
import { Problem } from './core';
import { ObjectScreenInput, PersonScreenInput, ScreenResult, ScreeningPurpose } from './wanted';

/** The most queries one batch may carry: a coach's passenger list, a hotel's night. */
export const BATCH_SCREEN_MAX = 100;

/** The caller's own name for a query, echoed in the answer (a seat number, a booking line). */
export const BatchQueryKey = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, '1–64 letters, digits, “_”, “.”, “:” or “-”');

/** A person, screened exactly as `POST /api/wanted/screen/person` screens one. */
export const BatchPersonQuery = PersonScreenInput.extend({ schema: z.literal('Person') }).strict();

/** A vehicle, firearm, document or other object, screened exactly as `POST /api/wanted/screen/object` screens one. */
export const BatchObjectQuery = ObjectScreenInput.extend({ schema: z.literal('Object') }).strict();

export const BatchScreenQuery = z.discriminatedUnion('schema', [BatchPersonQuery, BatchObjectQuery]);
export type BatchScreenQuery = z.infer<typeof BatchScreenQuery>;

export const BatchScreenInput = z
  .object({
    /** The purpose or case reference of the whole list (e.g. “Coach CH-114, Batrovci entry 2026-12-01”); a query may state its own. */
    purpose: ScreeningPurpose.optional().describe('The purpose or case reference of the whole list; applies to every query that does not state its own.'),
    /**
     * 1 to 100 queries keyed by the caller's own id. A query that does not fit `BatchScreenQuery`
     * is answered with its own problem document; the other queries are screened.
     */
    queries: z
      .record(z.string(), z.union([BatchScreenQuery, z.unknown()]))
      .describe('1 to 100 queries keyed by the caller’s ids (1–64 of A–Z a–z 0–9 _ . : -); a query that does not fit gets its own problem, the others are screened.'),
  })
  .strict();
export type BatchScreenInput = z.infer<typeof BatchScreenInput>;

/** A screened query: the query as given and the single screening's answer (results with score and reasons where readable). */
export const BatchScreenAnswer = ScreenResult.extend({
  status: z.literal(200),
  query: BatchScreenQuery,
});

/** A query that could not be screened; nothing was written for it. */
export const BatchScreenRefusal = z.object({
  status: z.number().int().min(400).max(499),
  problem: Problem,
});

export const BatchScreenResponse = z.union([BatchScreenAnswer, BatchScreenRefusal]);
export type BatchScreenResponse = z.infer<typeof BatchScreenResponse>;

export const BatchScreenResult = z.object({
  /** One answer per query, under the caller's key. */
  responses: z.record(z.string(), BatchScreenResponse).describe('One answer per query under the caller’s key: status 200 with the query and the single screening’s result, or a 4xx status with a problem document.'),
  /** How many queries were screened and how many were refused. */
  answered: z.number().int(),
  refused: z.number().int(),
});
export type BatchScreenResult = z.infer<typeof BatchScreenResult>;
