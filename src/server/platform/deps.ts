import type { Config } from '../config';
import type { Db } from '../db/client';
import type { AuditService } from './audit/audit.service';
import type { SessionCache } from './auth/session-cache';
import type { SessionPolicy } from './auth/sessions';
import type { Keys } from './crypto/secrets';
import type { Mailer } from './mail/mailer';

/** What the platform hands every module: narrow services, never another module's tables. */
export interface AppDeps {
  config: Config;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  keys: Keys;
  audit: AuditService;
  clock: () => Date;
  sessionPolicy: SessionPolicy;
  /** Sessions of recent requests; every change of a user or session publishes through it. */
  sessionCache: SessionCache;
  /** Where the audit checkpoint is kept; null in tests that do not need it. */
  checkpointPath: string | null;
  /** Folder for encrypted uploads. */
  filesDir: string;
  /** E-mail through the outbox: `enqueue` in the change's transaction, delivered afterwards. */
  mailer: Mailer;
}
