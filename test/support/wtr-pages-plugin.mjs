// Server commands that open, drive, reload, hide and close extra tabs in the test's browser, for
// what one page cannot show: a reload mid-send, a tab closed after going hidden, two tabs of one
// attempt. Extra tabs load test/pages/harness.html, which exposes `window.harness`.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { throttle } from './cpu-throttle.mjs';
import { isFirefox } from './engine-of.mjs';
import { blockPageUrls, setPageNetwork } from './wtr-network-plugin.mjs';
import { PROBE_SCRIPT } from './sdk-probe.mjs';

const pages = new Map();
// What each tab wrote on its console, for tests of what the theme file says.
const consoles = new Map();
let nextId = 0;

// The harness as one bundled file, built once per run: as separate modules (rxjs alone is a few
// hundred) a tab took seconds to open, more on a throttled CPU, and the tests are about the tab's
// last moments, not its loading.
let harnessBundle;
const bundleHarness = () =>
  (harnessBundle ??= build({
    entryPoints: ['test/pages/harness.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    conditions: ['es2015'],
  }).then((result) => result.outputFiles[0].text));

/**
 * Pauses `page` in the debugger for `ms`, as a student does from DevTools (pause script execution,
 * then resume): Debugger.pause stops at the next statement the page runs, so a timer of ours runs
 * one (the page's own may be minutes apart), and the pause counts only once Debugger.paused says it
 * was taken. Answers the pause as held, in ms.
 */
async function pauseInDebugger(page, ms) {
  const cdp = await page.createCDPSession();
  try {
    const paused = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('tab-pause: the page never paused')), 10_000);
      cdp.once('Debugger.paused', () => {
        clearTimeout(timer);
        resolve(performance.now());
      });
    });
    await cdp.send('Debugger.enable');
    await page.evaluate(() => {
      window.__qpTicker = setInterval(() => {
        window.__qpTicks = (window.__qpTicks ?? 0) + 1;
      }, 20);
    });
    await cdp.send('Debugger.pause');
    const pausedAt = await paused;
    await new Promise((resolve) => setTimeout(resolve, ms));
    await cdp.send('Debugger.resume');
    const heldMs = performance.now() - pausedAt;
    await cdp.send('Debugger.disable');
    await page.evaluate(() => clearInterval(window.__qpTicker));
    return Math.round(heldMs);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export function pagesPlugin() {
  return {
    name: 'quiz-proctor-pages',
    async serve(context) {
      if (context.path === '/test/pages/harness.bundle.js')
        return { body: await bundleHarness(), type: 'js' };
      // A school's theme file: its settings (?config=<JSON>, none without it), then the built IIFE.
      if (context.path === '/test/theme.js') {
        const config = context.URL.searchParams.get('config');
        const iife = await readFile('dist/quiz-proctor.iife.min.js', 'utf8');
        const head = config === null ? '' : `window.QUIZ_PROCTOR_CONFIG = ${config};\n`;
        return { body: head + iife, type: 'js' };
      }
      return undefined;
    },
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('tab-')) return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs the puppeteer launcher`);
      const runner = session.browser.getPage(session.id);
      const tab = () => {
        const found = pages.get(payload.id);
        if (!found) throw new Error(`no tab ${payload.id}`);
        return found;
      };
      switch (command) {
        case 'tab-open': {
          const page = await throttle(await runner.browser().newPage());
          const id = nextId + 1;
          nextId = id;
          const lines = [];
          consoles.set(id, lines);
          page.on('console', (message) => {
            lines.push({ type: message.type(), text: message.text() });
            console.log(`[tab ${id}] ${message.text()}`);
          });
          page.on('pageerror', (error) => {
            lines.push({ type: 'pageerror', text: String(error) });
          });
          // Counts what the SDK's own file does on the page (listeners, databases, requests).
          if (payload.probe) await page.evaluateOnNewDocument(PROBE_SCRIPT);
          // A page script that runs before any of the page's own, as the public userscripts do.
          if (payload.preload) await page.evaluateOnNewDocument(payload.preload);
          await page.goto(new URL(payload.path, payload.origin ?? runner.url()).href, { waitUntil: 'load' });
          pages.set(id, page);
          return id;
        }
        case 'tab-goto':
          await tab().goto(new URL(payload.path, tab().url()).href, { waitUntil: 'load' });
          return tab().url();
        case 'tab-click': {
          // A student's real click (puppeteer moves the mouse), in the tab in front; `waitFor`
          // waits for the navigation a form submit or a link starts.
          const page = tab();
          await page.bringToFront();
          const navigation = payload.navigates ? page.waitForNavigation({ waitUntil: 'load' }) : null;
          await page.click(payload.selector, { button: payload.button ?? 'left' });
          await navigation;
          return page.url();
        }
        case 'tab-type':
          await tab().type(payload.selector, payload.text);
          return true;
        case 'tab-eval':
          // An expression in the tab (JSON result), for what a test reads off a page it does not own.
          // A string is evaluated by the browser's devtools protocol, which the page's CSP does not govern.
          // Wrapped: the runner takes a command that answers null or undefined as unknown.
          return tab().evaluate(
            `(async () => ({ value: JSON.parse(JSON.stringify((await (${payload.expression})) ?? null)) }))()`,
          );
        case 'tab-console':
          return consoles.get(payload.id) ?? [];
        case 'tab-call': {
          // Calls window.harness[method](...args) in the tab and returns its (awaited, JSON) result,
          // or null when the tab is closed or reloaded before it answers (tests do that mid-call on
          // purpose). Wrapped, as `{value}`: the runner takes a command that answers null as unknown.
          return tab()
            .evaluate(
              async (method, args) => ({
                value: JSON.parse(JSON.stringify((await window.harness[method](...args)) ?? null)),
              }),
              payload.method,
              payload.args ?? [],
            )
            .catch((error) => {
              // Chromium says the target closed or detached (or, reloaded, that the context was destroyed); Firefox (WebDriver BiDi) that the
              // browsing context was discarded.
              if (
                /Target closed|Session closed|detached|context was destroyed|DiscardedBrowsingContext/i.test(
                  String(error),
                )
              )
                return { value: null };
              throw error;
            });
        }
        case 'tab-act': {
          // A student's last act (a harness call, or a real click on `click`), then, `delayMs` later,
          // the page goes as it does for a user: closed, reloaded, or navigated to another page.
          const page = tab();
          if (payload.click) {
            // A student clicks in the tab in front (and puppeteer's click waits for the element to
            // be visible, which a background tab never renders).
            await page.bringToFront();
            await page.click(payload.click);
          } else
            await page.evaluate(
              (method, args) => window.harness[method](...args),
              payload.method,
              payload.args ?? [],
            );
          if (payload.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, payload.delayMs));
          if (payload.then === 'close') {
            pages.delete(payload.id);
            await page.close({ runBeforeUnload: true });
          } else if (payload.then === 'reload') await page.reload({ waitUntil: 'load' });
          else if (payload.then === 'navigate')
            await page.goto(new URL('/test/pages/elsewhere.html', page.url()).href, { waitUntil: 'load' });
          else throw new Error(`tab-act: then must be close, reload or navigate, not ${payload.then}`);
          return true;
        }
        case 'tab-reload':
          await tab().reload({ waitUntil: 'load' });
          return true;
        case 'tab-front':
          await tab().bringToFront();
          return true;
        case 'tab-network':
          // The `network` command for a tab: cut (or restore, `{}`) its network by URL pattern.
          return setPageNetwork(tab(), payload.conditions ?? {}, { firefox: isFirefox(session) });
        case 'tab-block':
          // DevTools' request blocking for a tab (`urls: []` lifts it); Chromium only.
          if (isFirefox(session)) throw new Error('tab-block needs CDP (Chromium)');
          return blockPageUrls(tab(), payload.urls);
        case 'tab-pause':
          if (isFirefox(session)) throw new Error('tab-pause needs CDP (Chromium)');
          return pauseInDebugger(tab(), payload.ms);
        case 'tab-close': {
          const page = tab();
          pages.delete(payload.id);
          // runBeforeUnload runs the page's lifecycle (visibilitychange, pagehide) as a user's close does.
          await page.close({ runBeforeUnload: true });
          return true;
        }
        case 'tab-close-all': {
          for (const [id, page] of pages) {
            pages.delete(id);
            await page.close().catch(() => undefined);
          }
          await runner.bringToFront();
          return true;
        }
        default:
          throw new Error(`unknown command ${command}`);
      }
    },
  };
}
