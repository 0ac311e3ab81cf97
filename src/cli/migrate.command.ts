import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import type { Command } from './command';

export const migrateCommand: Command = {
  summary: 'apply database migrations (safe to run twice)',
  run: async () => {
    const config = loadConfig();
    const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
    try {
      const applied = await migrate(handle);
      console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await handle.close();
    }
  },
};
