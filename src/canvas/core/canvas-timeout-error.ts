import { CanvasError } from './canvas-error.js';

/** A wait on Canvas (a Progress poll) ran past its deadline. */
export class CanvasTimeoutError extends CanvasError {
  override name = 'CanvasTimeoutError' as const;
  readonly timeoutMs: number;

  constructor(what: string, timeoutMs: number) {
    super('canvas_timeout', `Canvas did not finish in time: ${what} after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}
