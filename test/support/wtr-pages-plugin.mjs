// Server commands that open, drive, reload, hide and close extra tabs in the test's browser, for
// what one page cannot show: a reload mid-send, a tab closed after going hidden, two tabs of one
// attempt. Extra tabs load test/pages/harness.html, which exposes `window.harness`.
const pages = new Map();
let nextId = 0;

export function pagesPlugin() {
  return {
    name: 'quiz-proctor-pages',
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
          const page = await runner.browser().newPage();
          page.on('console', (message) => console.log(`[tab ${nextId + 1}] ${message.text()}`));
          await page.goto(new URL(payload.path, runner.url()).href, { waitUntil: 'load' });
          nextId += 1;
          pages.set(nextId, page);
          return nextId;
        }
        case 'tab-call': {
          // Calls window.harness[method](...args) in the tab and returns its (awaited, JSON) result,
          // or null when the tab is closed before it answers (tests close tabs mid-call on purpose).
          return tab()
            .evaluate(
              async (method, args) =>
                JSON.parse(JSON.stringify((await window.harness[method](...args)) ?? null)),
              payload.method,
              payload.args ?? [],
            )
            .catch((error) => {
              // Chromium says the target closed or detached; Firefox (WebDriver BiDi) that the
              // browsing context was discarded.
              if (/Target closed|Session closed|detached|DiscardedBrowsingContext/i.test(String(error)))
                return null;
              throw error;
            });
        }
        case 'tab-reload':
          await tab().reload({ waitUntil: 'load' });
          return true;
        case 'tab-front':
          await tab().bringToFront();
          return true;
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
