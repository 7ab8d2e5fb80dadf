import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core: Playwright's own browser download cannot run on
 * a machine without internet. CHROME_PATH overrides the location.
 */
export const chromiumPath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags a closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      // Without these, Chromium keeps trying to reach its update and sync services, and the
      // refused connections flood the log and slow the tests.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
}
