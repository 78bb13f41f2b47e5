import type { Id } from './id.js';

/** A path from literal parts and ids; ids are URL-encoded so `self` and string ids both work. */
export function path(strings: TemplateStringsArray, ...ids: readonly Id[]): string {
  return strings.reduce((out, part, i) => {
    const id = ids[i - 1];
    return out + (id === undefined ? '' : encodeURIComponent(String(id))) + part;
  });
}
