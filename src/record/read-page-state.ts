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
function gettersOf(realm: { Document: typeof Document }): Getters {
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
 * `visibilityState` getter of a fresh same-origin iframe's realm, called on this document (public
 * scripts that silence Canvas's logger override this realm's `document.hasFocus` and
 * `visibilityState`). The iframe stays in the page, hidden: functions of a removed frame's realm stop
 * working in Firefox. Where no frame can be made, this realm's prototype getters are used, which
 * still sees past an override on the `document` object itself.
 */
export function readPageState(target: Window): () => PageState {
  const doc = target.document;
  let getters = gettersOf(target as unknown as { Document: typeof Document });
  try {
    const frame = doc.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.display = 'none';
    doc.documentElement.append(frame);
    const realm = frame.contentWindow as unknown as { Document: typeof Document } | null;
    if (realm) getters = gettersOf(realm);
  } catch {
    // A page that forbids frames keeps this realm's getters.
  }
  const fallback = gettersOf(target as unknown as { Document: typeof Document });
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
