import type { Command } from './command';
import { auditVerifyCommand } from './audit-verify.command';
import { benchCommand } from './bench.command';
import { devCommand } from './dev.command';
import { migrateCommand } from './migrate.command';
import { namesCompareCommand, namesEvalCommand } from './names.command';
import { seedCommand } from './seed.command';
import { serveCommand, startCommand } from './serve.command';
import { wantedExpireCommand } from './wanted-expire.command';
import { totpCommand } from './totp.command';
import { userAddCommand } from './user-add.command';

/** Every `mosaic` command; a command lives in its own file. */
export const commands: Record<string, Command> = {
  start: startCommand,
  serve: serveCommand,
  dev: devCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  'audit verify': auditVerifyCommand,
  'wanted expire': wantedExpireCommand,
  'user add': userAddCommand,
  totp: totpCommand,
  bench: benchCommand,
  'names compare': namesCompareCommand,
  'names eval': namesEvalCommand,
};
