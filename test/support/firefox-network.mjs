// The `network` command in Firefox, which has no CDP. Firefox 153 (not 140) emulates offline for
// one tab over WebDriver BiDi, as a student's lost connection is: navigator.onLine turns false,
// `offline` and `online` fire, and every new request of the tab fails. Unlike Chromium's, it leaves
// connections already open alone, so the runner's WebSocket survives and the whole tab can go
// offline; the URL pattern Chromium needs is then moot. Latency and throughput cannot be emulated.
export async function setFirefoxNetwork(page, payload = {}) {
  const offline = payload.offline === true;
  const unsupported = Object.keys(payload).filter((key) => key !== 'offline' && key !== 'urlPattern');
  if (unsupported.length > 0) {
    throw new Error(`network: Firefox can only emulate offline, not ${unsupported.join(', ')}`);
  }
  await page.setOfflineMode(offline);
  return true;
}
