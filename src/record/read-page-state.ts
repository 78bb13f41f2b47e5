import type { Realm } from './fresh-realm.js';

/** Focus and visibility as the browser has them. */
export interface PageState {
  focused: boolean;
  visible: boolean;
}

interface Getters {
  hasFocus: (doc: Document) => boolean;
  visibility: (doc: Document) => string;
}

// Taken off a realm's prototype once, and called on this document: an override on the document
// object, or on this realm's prototype after this moment, is never consulted.
function gettersOf(realm: Pick<Realm, 'Document'>): Getters {
  const proto = realm.Document.prototype;
  const hasFocus = Object.getOwnPropertyDescriptor(proto, 'hasFocus')?.value as (this: Document) => boolean;
  const descriptor: { get?: (this: Document) => string } | undefined = Object.getOwnPropertyDescriptor(
    proto,
    'visibilityState',
  );
  const visibility = descriptor?.get ?? (() => 'visible');
  return {
    hasFocus: (doc) => hasFocus.call(doc),
    visibility: (doc) => visibility.call(doc),
  };
}

/**
 * Reads focus and visibility through getters a page script cannot have patched: `hasFocus` and the
 * `visibilityState` getter of a fresh realm (`freshRealm`), called on this document (public scripts
 * that silence Canvas's logger override this realm's `document.hasFocus` and `visibilityState`).
 * Should the frame be removed, this realm's prototype getters, taken at start, are used.
 */
export function readPageState(target: Window, realm: Realm): () => PageState {
  const doc = target.document;
  const fallback = gettersOf(target as unknown as Realm);
  let getters = gettersOf(realm);
  return () => {
    try {
      return { focused: getters.hasFocus(doc), visible: getters.visibility(doc) === 'visible' };
    } catch {
      // The frame was removed from the page (by a script, or Canvas rewriting the page).
      getters = fallback;
      return { focused: fallback.hasFocus(doc), visible: fallback.visibility(doc) === 'visible' };
    }
  };
}
