import type { ProctorErrorCode } from '../errors/messages.js';
import { ProctorError } from '../errors/proctor-error.js';

/** Canvas refused to start, resume or complete the quiz submission. `code` says why. */
export class SessionError extends ProctorError {
  override name = 'SessionError' as const;
  /** Canvas's HTTP status, when Canvas answered. */
  readonly status!: number | undefined;
  /** Canvas's own message (`invalid access code`, `quiz is locked`, …), when it gave one. */
  readonly canvasMessage!: string | undefined;

  constructor(
    code: ProctorErrorCode,
    init: { status?: number; canvasMessage?: string; cause?: unknown } = {},
  ) {
    super(code, init.canvasMessage, { cause: init.cause });
    // status and canvasMessage by the same names (`cause` is the one Error has just set).
    Object.assign(this, init);
  }
}
