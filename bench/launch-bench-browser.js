// Both benches run in Chromium (the default) or Firefox (`--browser firefox`). This launches the
// engine with puppeteer-core and says what it can measure: Chromium's main-thread TaskDuration,
// garbage collection on demand and CPU profiles come through CDP, which Firefox does not have, so
// there those figures print as —; the figures measured in the page are the same in both engines.
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChrome } from '../test/support/find-chrome.mjs';
import { findFirefox } from '../test/support/find-firefox.mjs';

export const BENCH_ENGINES = ['chromium', 'firefox'];

export async function launchBenchBrowser(engine, options = {}) {
  const firefox = engine === 'firefox';
  const executablePath = firefox ? findFirefox() : findChrome();
  if (!executablePath) {
    throw new Error(
      firefox
        ? "No Firefox found: set FIREFOX_PATH or install Debian's firefox-esr."
        : "No Chromium found: set CHROME_PATH or install Debian's chromium.",
    );
  }
  const browser = await puppeteer.launch({
    ...(firefox ? { browser: 'firefox' } : { args: CHROMIUM_ARGS }),
    executablePath,
    headless: true,
    protocolTimeout: 120_000,
    ...options,
  });
  return {
    browser,
    /** A CDP session on `page`, or undefined in Firefox. */
    cdpFor: (page) => (firefox ? Promise.resolve(undefined) : page.createCDPSession()),
    /** Seconds of main-thread task time so far (Chromium), NaN where the engine does not say. */
    taskSeconds: async (page) => (firefox ? Number.NaN : (await page.metrics()).TaskDuration),
  };
}
