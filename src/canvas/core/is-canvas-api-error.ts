import { CanvasApiError } from './canvas-api-error.js';
import { CanvasNetworkError } from './canvas-network-error.js';

// By name as well as instanceof, so errors from another realm (an iframe's copy) still match.
/** True for an error answer from Canvas. */
export function isCanvasApiError(error: unknown): error is CanvasApiError {
  return error instanceof CanvasApiError || (error instanceof Error && error.name === 'CanvasApiError');
}

/** True for a request that got no answer from Canvas. */
export function isCanvasNetworkError(error: unknown): error is CanvasNetworkError {
  return (
    error instanceof CanvasNetworkError || (error instanceof Error && error.name === 'CanvasNetworkError')
  );
}
