// Run in a tab before any of its scripts (puppeteer's evaluateOnNewDocument): counts what code from
// the SDK's file does on the page, told apart from Canvas's scripts by the file in the call's stack.
// `window.__sdkProbe` holds the counts: listeners added, databases opened or listed, requests sent.
export const PROBE_SCRIPT = `(() => {
  const counts = { listeners: [], databases: [], requests: [] };
  window.__sdkProbe = counts;
  const fromSdk = () => /quiz-proctor\\.iife|\\/test\\/theme\\.js/.test(new Error().stack || '');
  const wrap = (owner, name, list, describe) => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    owner[name] = function (...args) {
      if (fromSdk()) counts[list].push(describe(args));
      return original.apply(this, args);
    };
  };
  wrap(EventTarget.prototype, 'addEventListener', 'listeners', (args) => String(args[0]));
  wrap(IDBFactory.prototype, 'open', 'databases', (args) => 'open ' + String(args[0]));
  wrap(IDBFactory.prototype, 'databases', 'databases', () => 'list');
  wrap(window, 'fetch', 'requests', (args) => 'fetch ' + String(args[0] && args[0].url || args[0]));
  wrap(XMLHttpRequest.prototype, 'open', 'requests', (args) => 'xhr ' + String(args[1]));
  wrap(Navigator.prototype, 'sendBeacon', 'requests', (args) => 'beacon ' + String(args[0]));
})();`;
