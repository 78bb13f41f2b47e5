import { ProctorError } from '../../../errors/proctor-error.js';

/** A wait on Canvas (a Progress poll) ran past its deadline. */
export class CanvasTimeoutError extends ProctorError {
  override name = 'CanvasTimeoutError' as const;
  readonly timeoutMs: number;

  constructor(what: string, timeoutMs: number) {
    super('canvas_timeout', `${what} after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}
