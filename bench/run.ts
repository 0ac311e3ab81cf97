import { runExchangeInboxBench } from './exchange-inbox';
import { runAuditAppendBench } from './audit-append';
import { runHttpBench } from './http';
import { runNamesQualitySuite } from './names-quality';
import { runPortalSearchBench } from './portal-search';
import { runSignInBench } from './sign-in';
import { runStartupBench } from './startup';
import { runUploadBench } from './uploads';
import { runWantedBatchBench } from './wanted-batch';
import { runWantedScreeningBench } from './wanted-screening';

export interface BenchOptions {
  only: string[] | null;
  quick: boolean;
  /** A PostgreSQL server URL for the benchmarks that compare both databases. */
  serverUrl?: string;
}

type Suite = (options: BenchOptions) => Promise<unknown>;

/** Every benchmark suite by name; `mosaic bench --only a,b` picks some. */
export const suites: Record<string, Suite> = {
  http: (options) => runHttpBench({ seconds: options.quick ? 3 : 10, serverUrl: options.serverUrl }),
  'sign-in': (options) => runSignInBench({ iterations: options.quick ? 20 : 100 }),
  startup: () => runStartupBench(),
  names: async () => console.log(`\n${(await runNamesQualitySuite()).map((report) => report.text).join('\n\n')}`),
  wanted: (options) => runWantedScreeningBench(options.quick
    ? { alerts: 20_000, serverUrl: options.serverUrl }
    : { alerts: 1_000_000, pgliteAlerts: 100_000, serverUrl: options.serverUrl }),
  'wanted-batch': (options) => runWantedBatchBench(options.quick
    ? { alerts: 20_000, lists: 4, serverUrl: options.serverUrl }
    : { alerts: 1_000_000, pgliteAlerts: 100_000, lists: 5, serverUrl: options.serverUrl }),
  portal: (options) => runPortalSearchBench({ items: options.quick ? 10_000 : 100_000, serverUrl: options.serverUrl }),
  exchange: (options) => runExchangeInboxBench(options.quick
    ? { items: 20_000, serverUrl: options.serverUrl }
    : { items: 1_000_000, pgliteItems: 100_000, serverUrl: options.serverUrl }),
  audit: (options) => runAuditAppendBench({ seconds: options.quick ? 3 : 10, serverUrl: options.serverUrl }),
  uploads: (options) => runUploadBench({ seconds: options.quick ? 8 : 20, items: 10_000, serverUrl: options.serverUrl }),
};

export async function runBenchmarks(options: BenchOptions) {
  const names = options.only ?? Object.keys(suites);
  for (const name of names) {
    const suite = suites[name];
    if (!suite) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(suites).join(', ')}`);
    await suite(options);
  }
}
