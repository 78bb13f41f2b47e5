// The @web/test-runner launcher for Firefox: @web/test-runner-chrome's launcher with the puppeteer-core
// it already pulls in, which drives a stock Firefox (Debian's firefox-esr) over WebDriver BiDi, plus
// what Firefox needs for this suite to run as it does in Chromium. Each workaround is here, once.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChromeLauncher, puppeteerCore } from '@web/test-runner-chrome';

const PREFS = {
  // window.print() opens a modal print dialog in Firefox, even headless: the page's script is blocked
  // until the runner gives up on the file (300 s). Print silently to a PDF file instead, as a
  // printer would; `beforeprint` and `afterprint` still fire.
  'print.always_print_silent': true,
  'print.show_print_progress': false,
  print_printer: 'Mozilla Save to PDF',
  'print.printer_Mozilla_Save_to_PDF.print_to_file': true,
  'print.printer_Mozilla_Save_to_PDF.print_to_filename': join(tmpdir(), 'quiz-proctor-test-print.pdf'),
  // Firefox ESR 140 takes a tab offline only through a test-only add-on that runs in the parent
  // process (firefox-tab-offline.mjs): an unsigned WebExtension experiment, which Debian's build
  // loads once this is on. Firefox 153 never installs it.
  'extensions.experiments.enabled': true,
};

class FirefoxLauncher extends ChromeLauncher {
  // A fresh tab per test file. Keyboard shortcuts sent to the page (Ctrl+Tab in the shortcut test)
  // reach Firefox's own tab switching and leave the keyboard focus in the browser's toolbar, where
  // the page never gets it back: every later focus test of a reused tab then fails. The tab of the
  // previous file is closed once the next one exists, so the browser never runs out of windows.
  async startSession(sessionId, url) {
    const stale = this.inactivePages.splice(0);
    await super.startSession(sessionId, url);
    await Promise.all(stale.map((page) => page.puppeteerPage.close()));
  }
}

// The runner sizes each page with puppeteer's setViewport, which over BiDi also sends
// `emulation.setScreenOrientationOverride`: Debian bookworm's Firefox ESR 140.12.0 answers
// "unknown command", and the whole file failed before its first test. The viewport itself is set
// by the command sent beside it, so only that refusal is let through. puppeteer awaits the two
// together, so the refusal came back before the resize was done, and the next test could start in
// the old size (question-views saw a question of the taller viewport): the viewport command is sent
// again and awaited, as Firefox answers it only once the page has the new size.
async function newPage(context) {
  const page = await context.newPage();
  const setViewport = page.setViewport.bind(page);
  page.setViewport = async (viewport) => {
    try {
      await setViewport(viewport);
    } catch (error) {
      if (!String(error?.message).includes('unknown command emulation.setScreenOrientationOverride'))
        throw error;
      await page.mainFrame().browsingContext.setViewport({
        viewport:
          viewport?.width && viewport?.height ? { width: viewport.width, height: viewport.height } : null,
        devicePixelRatio: viewport?.deviceScaleFactor || null,
      });
    }
  };
  return page;
}

export function firefoxLauncher(executablePath) {
  return new FirefoxLauncher(
    { browser: 'firefox', executablePath, headless: true, extraPrefsFirefox: PREFS },
    ({ browser }) => browser.defaultBrowserContext(),
    ({ context }) => newPage(context),
    puppeteerCore,
    undefined,
  );
}
