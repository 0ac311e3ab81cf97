import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default (cores − 1) runs one test file at a time on 2 cores and leaves the second
    // idle (the runner's own process does little); two at a time use both.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    setupFiles: ['src/server/test/no-network.ts'],
  },
});
