import type { Classification, Tlp } from '../../../../contract/core';
import { BadRequestProblem, UnprocessableProblem } from '../../../platform/http/errors';

/** One entity a file would bring, before checking: the contract's kind and attributes, as read. */
export interface Candidate {
  source: string;
  /** The id other objects of the file use for it (relationships). */
  ref?: string;
  kind: string;
  attributes: Record<string, unknown>;
  role?: string;
  /** A stricter TLP or classification the file gives it; the case's marking otherwise. */
  tlp?: Tlp | null;
  classification?: Classification | null;
}

export interface ParsedFile {
  candidates: Candidate[];
  relationships: { fromRef: string; toRef: string; kind: string; validFrom: string | null; validTo: string | null; source: string }[];
  skipped: { source: string; type: string; reason: string }[];
}

export function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    throw new BadRequestProblem('The file is not valid JSON.', [{ path: 'content', message: 'malformed_json' }]);
  }
}

export const tooMany = (count: number, cap: number) => {
  if (count > cap) throw new UnprocessableProblem(`The file holds ${count} objects; at most ${cap} are imported at once.`, [{ path: 'content', message: 'too_many_objects' }]);
};

export const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
export const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
/** A day from a date or a timestamp, or undefined. */
export const dayOf = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined);
