import { ConfigError } from './config-error.js';

/** A value as a page author would write it; a BigInt or a circular object, which JSON refuses, too. */
function shown(value: unknown): string {
  // What JSON leaves out (it would answer undefined).
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return typeof value === 'bigint' ? `${String(value)}n` : Object.prototype.toString.call(value);
  }
}

/**
 * The check of every option, data attribute and theme setting, so that each bad one reads alike:
 * unless `ok`, throws a {@link ConfigError} `` `option` must be <what>, got <value> ``, naming it as
 * the page author wrote it. Without a `value` the "got" is left out: a credential is never echoed.
 */
export function checkOption(ok: boolean, option: string, what: string, ...value: [] | [unknown]): asserts ok {
  if (!ok)
    throw new ConfigError(option, `must be ${what}${value.length > 0 ? `, got ${shown(value[0])}` : ''}`);
}
