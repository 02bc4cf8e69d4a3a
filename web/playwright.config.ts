import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './e2e/support/chromium';

/**
 * Browser stories against one real server (started once by global-setup on a
 * free port, embedded database, demo organization). Chromium comes from the
 * machine: CHROME_PATH, then /usr/bin/chromium, then Playwright's own download.
 */
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: process.env.SCREENSHOTS ? [] : ['**/*screenshots.spec.ts'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
});
