import type { Command } from './command';

export const benchCommand: Command = {
  summary: 'run the benchmarks (--only http,sign-in,… --quick; BENCH_DATABASE_URL adds a PostgreSQL server)',
  options: { only: { type: 'string' }, quick: { type: 'boolean' } },
  run: async ({ values }) => {
    const { runBenchmarks } = await import('../../bench/run');
    const only = typeof values.only === 'string' ? values.only.split(',').map((name) => name.trim()) : null;
    await runBenchmarks({ only, quick: values.quick === true, serverUrl: process.env.BENCH_DATABASE_URL });
  },
};
