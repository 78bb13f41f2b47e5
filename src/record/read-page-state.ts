import type { Realm } from './fresh-realm.js';

/** Focus and visibility as the browser has them. */
export interface PageState {
  focused: boolean;
  visible: boolean;
}

/**
 * Reads focus and visibility through getters a page script cannot have patched: `hasFocus` and the
 * `visibilityState` getter of a fresh realm (`freshRealm`), called on this document (public scripts
 * that silence Canvas's logger override this realm's `document.hasFocus` and `visibilityState`).
 */
export function readPageState(target: Window, realm: Realm): () => PageState {
  const doc = target.document;
  return () => ({
    focused: realm.hasFocus.call(doc),
    visible: realm.visibilityState.call(doc) === 'visible',
  });
}
