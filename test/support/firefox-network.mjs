// The `network` command in Firefox, which has no CDP. Firefox 153 emulates offline for one tab over
// WebDriver BiDi (`emulation.setNetworkConditions`, puppeteer's setOfflineMode), as a student's lost
// connection is: navigator.onLine turns false, `offline` and `online` fire, and every new request of
// the tab fails. Unlike Chromium's, it leaves connections already open alone, so the runner's
// WebSocket survives and the whole tab can go offline; the URL pattern Chromium needs is then moot.
// Firefox ESR 140 answers that command "unknown command": the same is done there through a test-only
// add-on (firefox-tab-offline.mjs). Latency and throughput cannot be emulated.
import { setTabOffline } from './firefox-tab-offline.mjs';

// Browsers that refused the BiDi command once: not asked again.
const withoutBidiOffline = new WeakSet();

export async function setFirefoxNetwork(page, payload = {}) {
  const offline = payload.offline === true;
  const unsupported = Object.keys(payload).filter((key) => key !== 'offline' && key !== 'urlPattern');
  if (unsupported.length > 0) {
    throw new Error(`network: Firefox can only emulate offline, not ${unsupported.join(', ')}`);
  }
  const browser = page.browser();
  if (!withoutBidiOffline.has(browser)) {
    try {
      await page.setOfflineMode(offline);
      return true;
    } catch (error) {
      if (!String(error?.message).includes('unknown command emulation.setNetworkConditions')) throw error;
      withoutBidiOffline.add(browser);
    }
  }
  await setTabOffline(page, offline);
  return true;
}
