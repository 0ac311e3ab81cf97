import { loadConfig } from '../server/config';
import { runWantedMaintenance } from '../server/modules/wanted';
import { openRuntime } from '../server/runtime';
import type { Command } from './command';

export const wantedExpireCommand: Command = {
  summary: 'mark wanted alerts past their validity as expired and send review reminders',
  run: async () => {
    const runtime = await openRuntime(loadConfig());
    try {
      const report = await runWantedMaintenance(runtime.deps);
      console.log(`Expired ${report.expired.length} alert(s)${report.expired.length ? `: ${report.expired.join(', ')}` : ''}; review reminders sent for ${report.reminded.length}.`);
    } finally {
      await runtime.close();
    }
  },
};
