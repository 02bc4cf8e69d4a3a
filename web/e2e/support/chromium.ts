import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

/** CHROME_PATH, then Debian's /usr/bin/chromium, then Playwright's cached build; otherwise a message saying how to get one. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here.
  }
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium for the browser tests. Install one (Debian/Ubuntu: `apt-get install -y chromium`; or `npx playwright install chromium`), or set CHROME_PATH to a Chrome or Chromium binary.',
    );
  }
  return found;
}
