// Which browser engine the browser suite runs in: QP_ENGINE=chromium (the default) or firefox.
// `npm test` runs the suite once per engine, one after the other; `npx wtr` alone runs Chromium.
import { chromeLauncher } from '@web/test-runner-chrome';
import { cpuThrottleRate, createThrottledPage } from './cpu-throttle.mjs';
import { CHROMIUM_ARGS, findChrome } from './find-chrome.mjs';
import { findFirefox } from './find-firefox.mjs';
import { firefoxLauncher } from './firefox-launcher.mjs';

export const ENGINES = ['chromium', 'firefox'];

export function selectedEngine() {
  const engine = process.env.QP_ENGINE ?? 'chromium';
  if (!ENGINES.includes(engine))
    throw new Error(`QP_ENGINE must be one of ${ENGINES.join(', ')}, not ${engine}`);
  return engine;
}

/** The @web/test-runner launcher for `engine`, on the browser found on this machine. */
export function launcherFor(engine) {
  if (engine === 'firefox') {
    if (cpuThrottleRate > 1)
      throw new Error(
        'QP_CPU_THROTTLE needs Chromium: the slow-machine mode slows the page through its DevTools protocol.',
      );
    const executablePath = findFirefox();
    if (!executablePath) {
      throw new Error('No Firefox found: set FIREFOX_PATH to a Firefox binary (or run `npm test`).');
    }
    return firefoxLauncher(executablePath);
  }
  const executablePath = findChrome();
  if (!executablePath) {
    throw new Error('No Chromium found: set CHROME_PATH to a Chromium or Chrome binary (or run `npm test`).');
  }
  return chromeLauncher({
    launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    createPage: createThrottledPage,
  });
}
