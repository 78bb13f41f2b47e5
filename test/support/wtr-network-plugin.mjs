// A server command that cuts or throttles the network for chosen URLs only, through CDP.
// Page-wide offline (emulateNetworkConditions, page.setOfflineMode) also cuts the runner's own
// WebSocket and hangs the run, so conditions are always scoped by URL pattern.
// Firefox has no CDP: there the command takes the page offline through WebDriver BiDi instead
// (firefox-network.mjs).
import { isFirefox } from './engine-of.mjs';
import { setFirefoxNetwork } from './firefox-network.mjs';

const cdpSessions = new WeakMap();

async function cdpFor(session) {
  const page = session.browser.getPage(session.id);
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp =
      session.browser.type === 'playwright'
        ? await page.context().newCDPSession(page)
        : await page.createCDPSession();
    await cdp.send('Network.enable');
    cdpSessions.set(page, cdp);
  }
  return cdp;
}

export function networkPlugin() {
  return {
    name: 'quiz-proctor-network',
    async executeCommand({ command, payload, session }) {
      if (command !== 'network') return undefined;
      if (isFirefox(session)) return setFirefoxNetwork(session.browser.getPage(session.id), payload);
      const cdp = await cdpFor(session);
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
    },
  };
}
