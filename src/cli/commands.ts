import type { Command } from './command';
import { auditVerifyCommand } from './audit-verify.command';
import { benchCommand } from './bench.command';
import { migrateCommand } from './migrate.command';
import { serveCommand, startCommand } from './serve.command';

/** Every `mosaic` command; a command lives in its own file. */
export const commands: Record<string, Command> = {
  start: startCommand,
  serve: serveCommand,
  migrate: migrateCommand,
  'audit verify': auditVerifyCommand,
  bench: benchCommand,
};
