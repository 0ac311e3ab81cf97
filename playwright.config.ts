import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4800);
// A new, empty data folder per run (workers inherit it through the environment), so
// `mosaic start` seeds the demo data afresh.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `mosaic-e2e-${port}-${Date.now()}`);
const E2E_DATA_DIR = process.env.E2E_DATA_DIR;
// The run's SMTP sink (e2e/support/smtp-sink.ts) on a port of its own beside the server's; it
// writes what it receives into the mailbox folder that e2e/support/mailbox.ts reads.
process.env.E2E_SMTP_PORT ??= String(port + 20_000);
process.env.E2E_MAILBOX_DIR ??= path.join(E2E_DATA_DIR, 'e2e-mailbox');
const { E2E_SMTP_PORT, E2E_MAILBOX_DIR } = process.env;

/** Browser journeys in Debian's Chromium against `mosaic start` on a fresh data folder. */
export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/e2e-${port}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalTeardown: './e2e/support/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined }, dependencies: ['setup'] },
  ],
  webServer: [
    {
      command: 'node --import tsx e2e/support/smtp-sink.ts',
      port: Number(E2E_SMTP_PORT),
      reuseExistingServer: false,
      timeout: 30_000,
      env: { E2E_SMTP_PORT, E2E_MAILBOX_DIR },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node bin/mosaic.js start',
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      // Mail goes to the sink; digests are due after 15 s instead of a day, looked for every 2 s.
      env: {
        PORT: String(port),
        DATA_DIR: E2E_DATA_DIR,
        LOG_LEVEL: 'warn',
        HOTLINE_ESCALATE_AFTER_SECONDS: '5',
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
        PORTAL_DIGEST_DAY_SECONDS: '15',
        PORTAL_DIGEST_CHECK_SECONDS: '2',
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
