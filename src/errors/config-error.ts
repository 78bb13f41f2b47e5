import { ProctorError } from './proctor-error.js';

/** Thrown synchronously for a bad option: the only kind of error the SDK throws into the host page. */
export class ConfigError extends ProctorError {
  override name = 'ConfigError' as const;
  /** The option at fault, as a dotted path (`auth.token`). */
  readonly option: string;

  constructor(option: string, problem: string) {
    super('invalid_option', `\`${option}\` ${problem}`);
    this.option = option;
  }
}
