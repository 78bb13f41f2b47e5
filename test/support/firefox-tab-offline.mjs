// One tab offline in a Firefox whose WebDriver BiDi has no `emulation.setNetworkConditions`
// (Debian bookworm's Firefox ESR 140). A test-only WebExtension experiment (firefox-offline-addon/)
// sets the tab's BrowsingContext.forceOffline from the parent process, as DevTools' "Offline"
// throttling does: navigator.onLine turns false in the tab, its new requests (localhost too) fail,
// and connections already open, the runner's WebSocket among them, stay up; other tabs stay online.
// Firefox 140 flips navigator.onLine without firing `offline` and `online`, so they are dispatched
// in the page once it sees the new state (untrusted events; the SDK does not look at isTrusted).
// Marionette's chrome scope was the other way in, but it refuses a second WebDriver session beside
// puppeteer's, and BiDi itself evaluates nothing in the parent process in 140.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ADDON = new URL('./firefox-offline-addon/', import.meta.url);
const CONNECT_TIMEOUT_MS = 15000;

const controls = new WeakMap();
const offlinePages = new WeakSet();

// The add-on, installed once per browser, and the local HTTP server its background page listens to:
// commands go out as server-sent events, answers come back as POSTs.
async function installAddon(browser) {
  const answers = new Map();
  let nextId = 0;
  let stream;
  let connected;
  const streamOpen = new Promise((resolve) => (connected = resolve));
  const server = createServer((request, response) => {
    if (request.url === '/commands') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'access-control-allow-origin': '*' });
      response.write('\n');
      // Neither the stream nor the server may keep the runner's process alive once the tests end.
      request.socket.unref();
      stream = response;
      connected();
      return;
    }
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const { id, answer } = JSON.parse(body);
      answers.get(id)?.(answer);
      answers.delete(id);
      response.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();

  const dir = mkdtempSync(join(tmpdir(), 'qp-tab-offline-'));
  cpSync(ADDON, dir, { recursive: true });
  writeFileSync(join(dir, 'control.js'), `const QP_CONTROL = 'http://127.0.0.1:${server.address().port}';\n`);
  await browser.installExtension(dir);
  browser.once('disconnected', () => {
    stream?.destroy();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let timer;
  await Promise.race([
    streamOpen,
    new Promise((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error('network: the tab-offline add-on never connected (extensions.experiments.enabled?)'),
          ),
        CONNECT_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));

  return (context, offline) =>
    new Promise((resolve) => {
      nextId += 1;
      answers.set(nextId, resolve);
      stream.write(`data: ${JSON.stringify({ id: nextId, context, offline })}\n\n`);
    });
}

/** Takes `page`'s tab offline (or back online) through the add-on, and fires `offline` or `online` in it. */
export async function setTabOffline(page, offline) {
  if (offlinePages.has(page) === offline) return;
  const browser = page.browser();
  if (!controls.has(browser)) controls.set(browser, installAddon(browser));
  const setOffline = await controls.get(browser);
  // The tab's WebDriver BiDi id, which puppeteer keeps on the main frame.
  const answer = await setOffline(page.mainFrame()._id, offline);
  if (answer !== 'ok')
    throw new Error(`network: could not take the tab ${offline ? 'offline' : 'online'}: ${answer}`);
  if (offline) offlinePages.add(page);
  else offlinePages.delete(page);
  // The new state reaches the page's process on its own channel: fire the event once the page sees it.
  const seen = await page.evaluate(async (offline) => {
    const deadline = Date.now() + 2000;
    while (navigator.onLine === offline && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    if (navigator.onLine === offline) return false;
    window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
    return true;
  }, offline);
  if (!seen) throw new Error(`network: the page never saw navigator.onLine turn ${String(!offline)}`);
}
