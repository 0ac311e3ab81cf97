import { runExchangeInboxBench } from './exchange-inbox';
import { runAuditAppendBench } from './audit-append';
import { runCasesBench } from './cases';
import { runHotlineBench } from './hotline';
import { runHttpBench } from './http';
import { runNamesQualitySuite } from './names-quality';
import { runPortalSearchBench } from './portal-search';
import { runPortalPagesBench } from './portal-pages';
import { runRegistryBench } from './registry';
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
  'portal-pages': (options) => runPortalPagesBench({ requests: options.quick ? 500 : 2000 }),
  exchange: (options) => runExchangeInboxBench(options.quick
    ? { items: 20_000, serverUrl: options.serverUrl }
    : { items: 1_000_000, pgliteItems: 100_000, serverUrl: options.serverUrl }),
  cases: (options) => runCasesBench(options.quick
    ? { entities: 20_000, serverUrl: options.serverUrl }
    : { entities: 1_000_000, pgliteEntities: 100_000, serverUrl: options.serverUrl }),
  audit: (options) => runAuditAppendBench({ seconds: options.quick ? 3 : 10, serverUrl: options.serverUrl }),
  hotline: (options) => runHotlineBench(options.quick
    ? { clients: 100, alerts: 5, burst: 20, reconnects: 100, serverUrl: options.serverUrl }
    : { clients: 500, alerts: 20, burst: 50, reconnects: 100, serverUrl: options.serverUrl }),
  registry: (options) => runRegistryBench({ activities: options.quick ? 10_000 : 50_000, serverUrl: options.serverUrl }),
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
