import { CanvasError } from './canvas-error.js';

/** Canvas answered with a non-2xx status, whatever the body's envelope. */
export class CanvasApiError extends CanvasError {
  override name = 'CanvasApiError' as const;
  /** HTTP status. */
  readonly status!: number;
  /** Canvas's message text (from any of its error envelopes, or the plain-text body). */
  readonly canvasMessage!: string;
  /** The `status` word of a `{status, message}` envelope (`"forbidden"`), when present. */
  readonly canvasStatus!: string | undefined;
  /** The raw body text. */
  readonly body!: string;
  readonly method!: string;
  readonly url!: string;

  constructor(init: {
    status: number;
    canvasMessage: string;
    canvasStatus?: string | undefined;
    body: string;
    method: string;
    url: string;
  }) {
    super(
      'canvas_api_error',
      `Canvas answered with an error: ${init.method} ${init.url} → ${init.status}: ${init.canvasMessage}`,
    );
    // The fields are the init's, by the same names (declared above, so each is set, if undefined).
    Object.assign(this, init);
  }
}
