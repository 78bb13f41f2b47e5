import { TIMELINE_STYLE } from './timeline-style.js';

// One sheet per document (or shadow root), shared by its mounted views, taken away with the last.
const adopted = new WeakMap<Node, { sheet: CSSStyleSheet; views: number }>();

/**
 * Gives the view its styles where `element` lives, and returns what takes them away. A constructed
 * sheet, adopted: a page's CSP may refuse inline style (`style-src 'self'`, as the demo's pages and
 * some schools' Canvas), and CSP does not apply to a sheet built through the CSSOM. Where
 * `adoptedStyleSheets` is missing (Safari before 16.4) or `element` is in no document yet, a `<style>`
 * in the view, as renderTimeline's.
 */
export function adoptStyle(element: Element): () => void {
  const root = element.getRootNode() as Partial<DocumentOrShadowRoot> & Node;
  const Sheet = element.ownerDocument.defaultView?.CSSStyleSheet;
  if (!root.adoptedStyleSheets || !Sheet || !('replaceSync' in Sheet.prototype)) {
    const style = element.ownerDocument.createElement('style');
    style.textContent = TIMELINE_STYLE;
    element.prepend(style);
    return () => {
      style.remove();
    };
  }
  let entry = adopted.get(root);
  if (!entry) {
    const sheet = new Sheet();
    sheet.replaceSync(TIMELINE_STYLE);
    entry = { sheet, views: 0 };
    adopted.set(root, entry);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  entry.views += 1;
  const own = entry;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    own.views -= 1;
    if (own.views > 0) return;
    adopted.delete(root);
    root.adoptedStyleSheets = (root.adoptedStyleSheets ?? []).filter((sheet) => sheet !== own.sheet);
  };
}
