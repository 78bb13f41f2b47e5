// Runs in Firefox's parent process with system privileges (a WebExtension experiment): the one
// place a test-only add-on can reach the tab's BrowsingContext, which the page and WebDriver BiDi
// (in Firefox 140) cannot.
/* global ExtensionAPI, ChromeUtils */
this.tabOffline = class extends ExtensionAPI {
  getAPI() {
    return {
      tabOffline: {
        // `context` is the tab's WebDriver BiDi id: the remote agent's TabManager maps it back.
        // forceOffline is what DevTools' "Offline" throttling sets: navigator.onLine turns false in
        // the tab and its new requests fail, while connections already open stay up.
        async set(context, offline) {
          const { TabManager } = ChromeUtils.importESModule(
            'chrome://remote/content/shared/TabManager.sys.mjs',
          );
          const browsingContext = TabManager.getBrowsingContextById(context);
          if (!browsingContext) return `no tab with WebDriver BiDi id ${context}`;
          browsingContext.forceOffline = offline;
          return 'ok';
        },
      },
    };
  }
};
