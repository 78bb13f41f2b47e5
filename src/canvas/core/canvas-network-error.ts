import { CanvasError } from './canvas-error.js';

/** The request never got an HTTP answer (offline, DNS, CORS, aborted, timed out). */
export class CanvasNetworkError extends CanvasError {
  override name = 'CanvasNetworkError' as const;
  declare readonly method: string;
  declare readonly url: string;

  constructor(method: string, url: string, cause: unknown) {
    super('network_failed', `The request did not reach Canvas: ${method} ${url}`, { cause });
    Object.assign(this, { method, url });
  }
}
