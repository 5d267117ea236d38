import type { Browser } from 'puppeteer-core';

export const CHROMIUM = process.env.CYBERBRIEF_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, with no network of its own: every request it makes is recorded by the test. */
export async function launchChromium(): Promise<Browser> {
  const puppeteer = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
