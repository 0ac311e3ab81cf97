import { loadConfig } from '../server/config';
import { verifyAuditChain } from '../server/platform/audit/verify';
import { checkpointPathFor, openRuntime } from '../server/runtime';
import type { Command } from './command';

export const auditVerifyCommand: Command = {
  summary: 'walk the audit chain and name the first broken event',
  run: async () => {
    const config = loadConfig();
    // The start-up check would refuse a broken chain; verify walks it and names the break instead.
    const runtime = await openRuntime(config, { auditHeadCheck: 'skip' });
    try {
      const result = await verifyAuditChain(runtime.deps.db, {
        checkpointPath: checkpointPathFor(config),
        checkpointKey: runtime.deps.keys.auditCheckpoint,
      });
      if (result.ok) {
        const checkpoint = result.checkpoint ? `; it reaches the signed checkpoint at event ${result.checkpoint.seq}` : '; no checkpoint yet';
        const tail = result.unsealed > 0 ? `; ${result.unsealed} newer events await sealing` : '';
        console.log(`Audit chain intact: ${result.events} events, head at event ${result.headSeq}${checkpoint}${tail}.`);
        return 0;
      }
      const brokenEvent = `event ${result.brokenSeq}${result.brokenId ? ` (${result.brokenId})` : ''}`;
      const atCheckpoint = `the checkpoint (${checkpointPathFor(config)})`;
      const where = result.staleTail ? 'the unsealed tail' : result.brokenSeq === null ? atCheckpoint : brokenEvent;
      console.error(`Audit chain BROKEN at ${where}: ${result.reason}. ${result.events} events verified before it.`);
      return 2;
    } finally {
      await runtime.close();
    }
  },
};
