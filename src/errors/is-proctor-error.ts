import { ConfigError } from './config-error.js';
import { isProctorErrorCode } from './messages.js';
import { ProctorError } from './proctor-error.js';
import { TransportError } from './transport-error.js';

/**
 * True for an error of another realm's copy of the SDK (an iframe's), which fails `instanceof`:
 * one of `names` exactly, with one of the SDK's codes. A name alone is not enough: a DOMException
 * (`QuotaExceededError`) or another library's error has a `code` and a name ending in `Error` too.
 */
export function isNamedProctorError(error: unknown, ...names: string[]): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return names.includes(name as string) && isProctorErrorCode(code);
}

/** True for any error made by this SDK (`ProctorError` and its subclasses), from this realm or another. */
export function isProctorError(error: unknown): error is ProctorError {
  return (
    error instanceof ProctorError ||
    isNamedProctorError(error, 'ProctorError', 'ConfigError', 'TransportError', 'SessionError')
  );
}

/** True for an invalid-option error thrown by `createProctor`. */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError || isNamedProctorError(error, 'ConfigError');
}

/** True for a delivery failure. */
export function isTransportError(error: unknown): error is TransportError {
  return error instanceof TransportError || isNamedProctorError(error, 'TransportError');
}
