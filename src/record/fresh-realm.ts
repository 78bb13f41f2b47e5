/** Built-ins taken from a fresh realm: out of reach of what a page script patched in this one. */
export interface Realm {
  hasFocus: (this: Document) => boolean;
  visibilityState: (this: Document) => string;
  toString: (this: unknown) => string;
}

interface Globals {
  Document: typeof Document;
  Function: typeof Function;
}

function builtinsOf(globals: Globals): Realm {
  const doc = globals.Document.prototype;
  const fn = globals.Function.prototype;
  const visibility: { get?: (this: Document) => string } | undefined = Object.getOwnPropertyDescriptor(
    doc,
    'visibilityState',
  );
  return {
    hasFocus: Object.getOwnPropertyDescriptor(doc, 'hasFocus')?.value as Realm['hasFocus'],
    visibilityState: visibility?.get ?? (() => 'visible'),
    toString: Object.getOwnPropertyDescriptor(fn, 'toString')?.value as Realm['toString'],
  };
}

/**
 * The built-ins the integrity checks read, from a fresh same-origin iframe's realm: the frame is
 * added, its functions taken, and removed at once (they keep working in Chromium and Firefox), so
 * the page keeps no frame of ours and its frame count is unchanged (capture reads it on every blur).
 * Where no frame can be made, this realm's prototype functions, as they are now.
 */
export function freshRealm(target: Window): Realm {
  const doc = target.document;
  try {
    const frame = doc.createElement('iframe');
    frame.style.display = 'none';
    doc.documentElement.append(frame);
    try {
      const globals = frame.contentWindow as unknown as Globals | null;
      if (globals) return builtinsOf(globals);
    } finally {
      frame.remove();
    }
  } catch {
    // A page that forbids frames: this realm's own built-ins.
  }
  return builtinsOf(target as unknown as Globals);
}
