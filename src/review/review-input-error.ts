/** The input field `analyzeAttempt` could not use. */
export type ReviewInputField = 'input' | 'events' | 'submission' | 'heartbeatIntervalMs';

/**
 * `analyzeAttempt` was called with input it cannot review: a programmer error, thrown at once.
 * A bad event inside a good log is not one: it is skipped and said in `summary.notes`.
 */
export class ReviewInputError extends TypeError {
  override readonly name = 'ReviewInputError' as const;
  readonly field: ReviewInputField;

  constructor(field: ReviewInputField, message: string) {
    super(message);
    this.field = field;
  }
}
