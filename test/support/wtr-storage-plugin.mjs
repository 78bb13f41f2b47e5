// A server command that clears the test page's IndexedDB as devtools' "Clear site data" does: through
// CDP, so the browser itself force-closes the page's open connections (a page script's
// deleteDatabase cannot do that: it waits for them). Firefox has no CDP: there it answers false.
import { isFirefox } from './engine-of.mjs';

export function storagePlugin() {
  return {
    name: 'quiz-proctor-storage',
    async executeCommand({ command, payload, session }) {
      if (command !== 'clear-site-storage') return undefined;
      if (isFirefox(session)) return false;
      const page = session.browser.getPage(session.id);
      const cdp =
        session.browser.type === 'playwright'
          ? await page.context().newCDPSession(page)
          : await page.createCDPSession();
      try {
        await cdp.send('Storage.clearDataForOrigin', {
          origin: payload.origin,
          storageTypes: 'indexeddb',
        });
      } finally {
        await cdp.detach();
      }
      return true;
    },
  };
}
