import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The flags this project's Chromium runs with: headless, and no calls to the outside world. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(candidate)) {
    throw new Error(
      `Chromium was not found at ${candidate}. Browser tests need a real Chromium: install it with ` +
        '`sudo apt-get install chromium` (Debian/Ubuntu), or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    );
  }
  return candidate;
}

/** Launches Debian's Chromium through playwright-core, with a fresh profile each time. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
