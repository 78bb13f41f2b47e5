import type { CanvasApiError } from './canvas-api-error.js';
import type { CanvasErrorCode } from './canvas-error.js';
import type { CanvasNetworkError } from './canvas-network-error.js';

// By exact name and code, which every instance has from its constructor: an error from another
// realm's copy (an iframe's) fails instanceof, and is not even an instance of this realm's Error.
const named = (error: unknown, name: string, code: CanvasErrorCode): boolean =>
  (error as { name?: unknown } | undefined)?.name === name && (error as { code?: unknown }).code === code;

/** True for an error answer from Canvas. */
export function isCanvasApiError(error: unknown): error is CanvasApiError {
  return named(error, 'CanvasApiError', 'canvas_api_error');
}

/** True for a request that got no answer from Canvas. */
export function isCanvasNetworkError(error: unknown): error is CanvasNetworkError {
  return named(error, 'CanvasNetworkError', 'network_failed');
}
