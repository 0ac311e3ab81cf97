import fs from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '../platform/deps';
import { seedCoreDemo, usersTableIsEmpty } from './core/core.seed';
import { seedPortalDemo } from '../modules/portal';
import { seedWantedDemo } from '../modules/wanted';
import { seedExchangeDemo, seedRoutingDemo } from '../modules/exchange';
import { seedRegistryDemo } from '../modules/registry';
import { seedContactPointDemo } from '../modules/directory';
import { seedCasesDemo } from '../modules/cases';

export type { CoreDemo } from './core/core.seed';

export interface DemoSignIn {
  email: string;
  password: string;
  role: string;
  economy: string;
  totpSecret: string | null;
}

export interface SeedOptions {
  /** Where the sign-ins are written (mode 0600); default <DATA_DIR>/demo-sign-ins.json, null for nowhere. */
  signInsPath?: string | null;
}

export function demoSignInsPath(deps: AppDeps): string {
  return path.join(deps.config.dataDir, 'demo-sign-ins.json');
}

/**
 * Loads the demo data into an empty database, in one transaction per part, and returns
 * the demo sign-ins; returns null when the database already holds users.
 */
export async function seedDemoData(deps: AppDeps, options: SeedOptions = {}): Promise<DemoSignIn[] | null> {
  if (!(await usersTableIsEmpty(deps.db))) return null;

  // 1. core: organisations, desks, sharing groups, users (every other part builds on it).
  const core = await seedCoreDemo(deps);
  if (!core) return null;

  // 2. further parts, each in its own transaction, in this order:
  await seedPortalDemo(deps);
  await seedWantedDemo(deps);
  await seedContactPointDemo(deps);
  await seedRoutingDemo(deps);
  await seedExchangeDemo(deps);
  await seedRegistryDemo(deps);
  await seedCasesDemo(deps);

  const signInsPath = options.signInsPath === undefined ? demoSignInsPath(deps) : options.signInsPath;
  if (signInsPath) writeSignIns(signInsPath, core.signIns);
  return core.signIns;
}

function writeSignIns(filePath: string, signIns: DemoSignIn[]) {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, `${JSON.stringify(signIns, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(filePath, 0o600);
}
