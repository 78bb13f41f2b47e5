import { messageFor, type ProctorErrorCode } from './messages.js';

/** Base class of every error the SDK throws or emits; `code` is stable, the message is for people. */
export class ProctorError extends Error {
  override name: string = 'ProctorError';
  // Declared only: the constructor sets it (a class field would define it once more in the bundle).
  declare readonly code: ProctorErrorCode;

  constructor(code: ProctorErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(messageFor(code, detail), options);
    this.code = code;
  }
}
