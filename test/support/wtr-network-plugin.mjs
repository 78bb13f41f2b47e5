// A server command that cuts or throttles the network for chosen URLs only, through CDP.
// Page-wide offline (emulateNetworkConditions, page.setOfflineMode) also cuts the runner's own
// WebSocket and hangs the run, so conditions are always scoped by URL pattern.
// Firefox has no CDP: there the command takes the page offline through WebDriver BiDi instead
// (firefox-network.mjs).
import { isFirefox } from './engine-of.mjs';
import { setFirefoxNetwork } from './firefox-network.mjs';

const cdpSessions = new WeakMap();

// One CDP session per page, with the network domain on.
async function cdpFor(page, playwright = false) {
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = playwright ? await page.context().newCDPSession(page) : await page.createCDPSession();
    await cdp.send('Network.enable');
    cdpSessions.set(page, cdp);
  }
  return cdp;
}

/**
 * Cuts or throttles `page`'s network for the URLs matching `payload.urlPattern` (`{}` restores it);
 * in Firefox, takes the page offline through BiDi (firefox-network.mjs).
 */
export async function setPageNetwork(page, payload, { firefox = false, playwright = false } = {}) {
  if (firefox) return setFirefoxNetwork(page, payload);
  const cdp = await cdpFor(page, playwright);
  const offline = payload?.offline === true;
  const latency = payload?.latency ?? 0;
  const downloadThroughput = payload?.downloadThroughput ?? -1;
  const uploadThroughput = payload?.uploadThroughput ?? -1;
  const rules =
    payload && Object.keys(payload).length > 0
      ? [
          {
            urlPattern: payload.urlPattern ?? '*://*:*/api/*',
            offline,
            latency,
            downloadThroughput,
            uploadThroughput,
          },
        ]
      : [];
  await cdp.send('Network.emulateNetworkConditionsByRule', { matchedNetworkConditions: rules });
  // Keeps navigator.onLine and the online/offline events in step with the emulated state.
  await cdp.send('Network.overrideNetworkState', {
    offline,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  return true;
}

/**
 * DevTools' request blocking (the Network panel's "Block request URL"), as a student does it: every
 * request of `page` to a URL matching one of `urls` (`*` wildcards) fails before it leaves, while
 * the page stays online. `[]` lifts it. Chromium only (CDP).
 */
export async function blockPageUrls(page, urls) {
  const cdp = await cdpFor(page);
  await cdp.send('Network.setBlockedURLs', { urls });
  return true;
}

export function networkPlugin() {
  return {
    name: 'quiz-proctor-network',
    async executeCommand({ command, payload, session }) {
      if (command !== 'network') return undefined;
      return setPageNetwork(session.browser.getPage(session.id), payload, {
        firefox: isFirefox(session),
        playwright: session.browser.type === 'playwright',
      });
    },
  };
}
