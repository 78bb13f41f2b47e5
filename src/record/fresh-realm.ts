/** The built-ins of a realm: a fresh one is out of reach of what a page script patched in this one. */
export interface Realm {
  Document: typeof Document;
  Function: typeof Function;
}

/**
 * A fresh same-origin iframe's window, hidden and kept in the page (functions of a removed frame's
 * realm stop working in Firefox), or this window where no frame can be made. One per page load.
 */
export function freshRealm(target: Window): Realm {
  const doc = target.document;
  try {
    const frame = doc.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.display = 'none';
    doc.documentElement.append(frame);
    const realm = frame.contentWindow as unknown as Realm | null;
    if (realm) return realm;
  } catch {
    // A page that forbids frames: this realm's own built-ins.
  }
  return target as unknown as Realm;
}
