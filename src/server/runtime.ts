import path from 'node:path';
import type { Config } from './config';
import { type DbHandle, openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { createAuditService } from './platform/audit/audit.service';
import type { AppDeps } from './platform/deps';
import { type Keys, loadKeys } from './platform/crypto/secrets';

export interface Runtime {
  deps: AppDeps;
  handle: DbHandle;
  keysGenerated: boolean;
  close(): Promise<void>;
}

export function checkpointPathFor(config: Config): string {
  return path.join(config.dataDir, 'audit-checkpoint.json');
}

/** Builds the platform services on an opened, migrated database. */
export function createDeps(config: Config, handle: DbHandle, keys: Keys, overrides: Partial<AppDeps> = {}): AppDeps {
  const clock = overrides.clock ?? (() => new Date());
  const checkpointPath = overrides.checkpointPath === undefined ? checkpointPathFor(config) : overrides.checkpointPath;
  return {
    config,
    db: handle.db,
    dbKind: handle.kind,
    keys,
    clock,
    audit: createAuditService({ db: handle.db, checkpointPath, checkpointKey: keys.auditCheckpoint, clock }),
    sessionPolicy: { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS },
    checkpointPath,
    filesDir: path.join(config.dataDir, 'files'),
    ...overrides,
  };
}

/** Opens the configured database, applies migrations and wires the platform. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await migrate(handle);
    const { keys, generated } = loadKeys({ secret: config.MOSAIC_SECRET, dataDir: config.dataDir });
    const deps = createDeps(config, handle, keys);
    return {
      deps,
      handle,
      keysGenerated: generated,
      close: async () => {
        await deps.audit.flushCheckpoint();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
