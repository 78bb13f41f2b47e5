import { ProctorError } from '../../../errors/proctor-error.js';

/** The request never got an HTTP answer (offline, DNS, CORS, aborted, timed out). */
export class CanvasNetworkError extends ProctorError {
  override name = 'CanvasNetworkError' as const;
  readonly method: string;
  readonly url: string;

  constructor(method: string, url: string, cause: unknown) {
    super('network_failed', `${method} ${url}`, { cause });
    this.method = method;
    this.url = url;
  }
}
