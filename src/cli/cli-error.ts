/** Why the command stopped; each ends the process with one line and a non-zero exit. */
export type CliErrorCode = 'usage' | 'unauthorized' | 'not_found' | 'log_disabled' | 'network' | 'canvas';

/** A failure the command explains in one line, never with a stack trace. */
export class CliError extends Error {
  override name = 'CliError' as const;
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** 2 for a wrong command line (as most Unix tools), 1 for everything Canvas or the network did. */
  get exitCode(): number {
    return this.code === 'usage' ? 2 : 1;
  }
}
