import { ConfigError } from './config-error.js';

/**
 * Runs `read`, and names the option of a {@link ConfigError} it throws as `name` says: the theme
 * and the script tag check their values with the proctor's own checks, and report each by the
 * setting or attribute the author wrote.
 */
export function withOptionNames<T>(name: (option: string) => string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    // The problem is the message after the option's name: "Invalid option: `name` <problem>".
    if (error instanceof ConfigError)
      throw new ConfigError(name(error.option), error.message.replace(/^[^`]*`[^`]*` /, ''));
    throw error;
  }
}
