/** What went wrong talking to Canvas; stable, unlike the message. */
export type CanvasErrorCode = 'canvas_api_error' | 'network_failed' | 'canvas_timeout';

/**
 * Base class of the typed client's errors. Its own, not the proctor's: the client stands alone
 * (`quiz-proctor/canvas`) and a caller of it never meets the proctor's error codes.
 */
export class CanvasError extends Error {
  override name: string = 'CanvasError';
  // Declared only: the constructor sets it (a class field would define it once more in the bundle).
  declare readonly code: CanvasErrorCode;

  constructor(code: CanvasErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
