import { ConfigError } from './config-error.js';

/**
 * The check of every option, data attribute and theme setting, so that each bad one reads alike:
 * unless `ok`, throws a {@link ConfigError} `` `option` must be <what>, got <value> ``, naming it as
 * the page author wrote it. Without a `value` the "got" is left out: a credential is never echoed.
 */
export function checkOption(ok: boolean, option: string, what: string, ...value: [] | [unknown]): asserts ok {
  if (!ok)
    throw new ConfigError(
      option,
      `must be ${what}${value.length > 0 ? `, got ${JSON.stringify(value[0])}` : ''}`,
    );
}
