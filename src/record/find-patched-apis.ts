import type { Realm } from './fresh-realm.js';

const NATIVE = /\{\s*\[native code\]\s*\}\s*$/;

/**
 * The APIs capture and delivery rely on that are not the browser's own on this page: information for
 * a reviewer, not a verdict (monitoring tools on real Canvas pages patch `fetch` too). Each is read
 * with the fresh realm's `Function.prototype.toString`, which a page script cannot have patched.
 */
// A property's current value (a function we only look at, never call through its owner).
const read = (owner: object, name: string): unknown => Reflect.get(owner, name) as unknown;
const getter = (proto: object, name: string): unknown => {
  const descriptor: { get?: unknown } | undefined = Object.getOwnPropertyDescriptor(proto, name);
  return descriptor?.get;
};

export function findPatchedApis(target: Window, realm: Realm): string[] {
  const { toString } = realm;
  const isNative = (fn: unknown) => {
    try {
      return typeof fn === 'function' && NATIVE.test(toString.call(fn));
    } catch {
      return false;
    }
  };
  const doc = target.document;
  const proto = (name: string) => (read(target, name) as { prototype: object }).prototype;
  const checks: [string, unknown][] = [
    ['fetch', read(target, 'fetch')],
    ['navigator.sendBeacon', read(target.navigator, 'sendBeacon')],
  ];
  // Methods are read as values, and the two document states through their getters.
  const onPrototype = (owner: string, names: string[], readOne: (proto: object, name: string) => unknown) => {
    for (const name of names) checks.push([`${owner}.prototype.${name}`, readOne(proto(owner), name)]);
  };
  onPrototype('EventTarget', ['addEventListener'], read);
  onPrototype('XMLHttpRequest', ['open', 'send'], read);
  onPrototype('Document', ['hasFocus'], read);
  onPrototype('Document', ['visibilityState', 'hidden'], getter);
  const patched = checks.filter(([, fn]) => !isNative(fn)).map(([name]) => name);
  // An override on the document object itself shadows the prototype's.
  for (const name of ['hasFocus', 'visibilityState', 'hidden'])
    if (Object.prototype.hasOwnProperty.call(doc, name)) patched.push(`document.${name}`);
  return patched;
}
