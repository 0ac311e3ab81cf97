import { ConflictProblem, UnprocessableProblem } from '../../platform/http/errors';

/** The PostgreSQL error code behind a driver or Drizzle error, if any. */
function postgresCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns constraint violations that slipped past the service's own checks (a concurrent
 * write, a record another module still points at) into problems instead of a 500.
 */
export function translateDbError(error: unknown): never {
  const code = postgresCode(error);
  if (code === '23505') throw new ConflictProblem('A record with the same unique values already exists.');
  if (code === '23503') throw new ConflictProblem('Other records still refer to this one.');
  if (code === '23514') throw new UnprocessableProblem('The values break a rule of the database.');
  throw error;
}

export function fieldProblem(path: string, message: string): UnprocessableProblem {
  return new UnprocessableProblem(message, [{ path, message }]);
}
