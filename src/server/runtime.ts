import path from 'node:path';
import type { Config } from './config';
import { type DbHandle, openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { createAuditService } from './platform/audit/audit.service';
import { createSessionCache } from './platform/auth/session-cache';
import { guardAuditHead } from './platform/audit/start-check';
import type { AppDeps } from './platform/deps';
import { type Keys, loadKeys } from './platform/crypto/secrets';
import { createMailer } from './platform/mail/mailer';

export interface Runtime {
  deps: AppDeps;
  handle: DbHandle;
  keysGenerated: boolean;
  close(): Promise<void>;
}

export function checkpointPathFor(config: Config): string {
  return config.AUDIT_CHECKPOINT_PATH ? path.resolve(config.AUDIT_CHECKPOINT_PATH) : path.join(config.dataDir, 'audit-checkpoint.json');
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
    sessionCache: createSessionCache(handle.kind, config.SESSION_CACHE_SECONDS),
    checkpointPath,
    filesDir: path.join(config.dataDir, 'files'),
    mailer: createMailer({ db: handle.db, clock, smtpUrl: config.SMTP_URL, from: config.SMTP_FROM }),
    ...overrides,
  };
}

export interface RuntimeOptions {
  /**
   * The check of the audit chain's head against its signed checkpoint: `enforce` refuses to
   * open on a break, `accept-break` opens anyway (loudly, and recorded in the chain), `skip` is
   * for `audit verify`, which walks the whole chain itself.
   */
  auditHeadCheck?: 'enforce' | 'accept-break' | 'skip';
}

/** Opens the configured database, applies migrations, checks the audit chain's head and wires the platform. */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await migrate(handle);
    const { keys, generated } = loadKeys({ secret: config.MOSAIC_SECRET, dataDir: config.dataDir });
    const deps = createDeps(config, handle, keys);
    const headCheck = options.auditHeadCheck ?? 'enforce';
    if (headCheck !== 'skip' && deps.checkpointPath) {
      await guardAuditHead(
        { db: deps.db, audit: deps.audit, checkpointPath: deps.checkpointPath, checkpointKey: keys.auditCheckpoint },
        { acceptBreak: headCheck === 'accept-break' },
      );
    }
    // `audit verify` reports an unsealed tail rather than sealing it.
    if (headCheck !== 'skip') {
      deps.audit.start();
      deps.mailer.start();
    }
    return {
      deps,
      handle,
      keysGenerated: generated,
      close: async () => {
        await deps.mailer.stop();
        await deps.audit.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
