import type { ProctorErrorCode } from './messages.js';
import { ProctorError } from './proctor-error.js';

/** A delivery that failed: `status` is absent for network errors. Emitted, never thrown into the page. */
export class TransportError extends ProctorError {
  override name = 'TransportError' as const;
  readonly status: number | undefined;
  readonly retryable: boolean;
  /** Canvas's answer, as text, when there was one. */
  readonly body: string | undefined;

  constructor(
    code: ProctorErrorCode,
    init: { status?: number; retryable: boolean; body?: string; detail?: string; cause?: unknown },
  ) {
    super(code, init.detail, { cause: init.cause });
    this.status = init.status;
    this.retryable = init.retryable;
    this.body = init.body;
  }
}
