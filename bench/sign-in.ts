import { createPgliteHandle } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { organisations, users } from '../src/server/db/schema/core';
import { hashPassword, verifyPassword } from '../src/server/modules/identity/passwords';
import { createSession } from '../src/server/platform/auth/sessions';
import { type FigureRow, printFigures } from './support/report';

/**
 * Sign-ins per second on one core (argon2id verification plus the session write), beside
 * argon2id verification alone: the ratio shows what the session costs on top of the hash.
 */
export async function runSignInBench(options: { iterations: number }) {
  const handle = await createPgliteHandle();
  await migrate(handle);
  const password = 'a long enough bench password';
  const hash = await hashPassword(password);
  const [organisation] = await handle.db.insert(organisations).values({ name: 'Bench', kind: 'police', economyCode: 'AL' }).returning();
  const [user] = await handle.db
    .insert(users)
    .values({ email: 'bench@mosaic.bench', displayName: 'Bench', organisationId: organisation!.id, roles: ['officer'], clearance: 'RESTRICTED', passwordHash: hash })
    .returning();

  let started = performance.now();
  for (let index = 0; index < options.iterations; index += 1) await verifyPassword(hash, password);
  const verifyPerSecond = options.iterations / ((performance.now() - started) / 1000);

  started = performance.now();
  for (let index = 0; index < options.iterations; index += 1) {
    if (!(await verifyPassword(hash, password))) throw new Error('verification failed');
    await createSession(handle.db, { userId: user!.id, stage: 'second_factor' }, { idleMinutes: 30, absoluteHours: 12 });
  }
  const signInPerSecond = options.iterations / ((performance.now() - started) / 1000);
  await handle.close();

  const rows: FigureRow[] = [
    {
      figure: 'sign-in (argon2id + session) per second',
      value: signInPerSecond,
      unit: '/s',
      baseline: verifyPerSecond,
      baselineLabel: 'argon2id verification alone',
      higherIsBetter: true,
    },
  ];
  printFigures('Sign-in on one core (embedded PGlite)', rows);
  return { signInPerSecond, verifyPerSecond };
}
