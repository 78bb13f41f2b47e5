import { ConfigError } from './config-error.js';
import { ProctorError } from './proctor-error.js';
import { TransportError } from './transport-error.js';

// Checked by name as well as instanceof, so errors from another realm (an iframe's copy) still match.
/** True for any error made by this SDK. */
export function isProctorError(error: unknown): error is ProctorError {
  return (
    error instanceof ProctorError || (error instanceof Error && 'code' in error && /Error$/.test(error.name))
  );
}

/** True for an invalid-option error thrown by `createProctor`. */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError || (error instanceof Error && error.name === 'ConfigError');
}

/** True for a delivery failure. */
export function isTransportError(error: unknown): error is TransportError {
  return error instanceof TransportError || (error instanceof Error && error.name === 'TransportError');
}
