import { loadConfig } from '../server/config';
import { openRuntime } from '../server/runtime';
import { demoSignInsPath, seedDemoData } from '../server/seed';
import type { Command } from './command';

export const seedCommand: Command = {
  summary: 'load the demo data into an empty database and print the demo sign-ins',
  run: async () => {
    const config = loadConfig();
    const runtime = await openRuntime(config);
    try {
      const signIns = await seedDemoData(runtime.deps);
      if (!signIns) {
        console.log('The database already holds users; no demo data was loaded.');
        return 0;
      }
      console.log('\n  Demo sign-ins — FOR DEMONSTRATION ONLY. Never use them for real data.\n');
      for (const signIn of signIns) {
        const secondFactor = signIn.totpSecret ? `TOTP secret ${signIn.totpSecret}` : 'no second factor';
        console.log(`  ${signIn.role.padEnd(14)} ${signIn.economy.padEnd(4)} ${signIn.email.padEnd(26)} ${signIn.password}   ${secondFactor}`);
      }
      console.log(`\n  Also written to ${demoSignInsPath(runtime.deps)} (readable by its owner only).\n`);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
