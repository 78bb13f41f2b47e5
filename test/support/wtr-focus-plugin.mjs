// A server command that moves real OS-level focus away from the test page and back, by bringing
// another tab to the front: the page gets genuine window blur/focus events and visibility changes.
const others = new WeakMap();

export function focusPlugin() {
  return {
    name: 'quiz-proctor-focus',
    async executeCommand({ command, payload, session }) {
      if (command !== 'page-focus') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('page-focus needs the puppeteer launcher');
      const page = session.browser.getPage(session.id);
      if (payload?.away) {
        const other = await page.browser().newPage();
        others.set(page, other);
        await other.bringToFront();
      } else {
        await page.bringToFront();
        const other = others.get(page);
        others.delete(page);
        await other?.close();
      }
      return true;
    },
  };
}
