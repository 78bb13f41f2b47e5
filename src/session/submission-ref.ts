/** A quiz submission that already exists (Canvas's quiz page renders one), adopted without a request. */
export interface SubmissionRef {
  id: string | number;
  attempt: number;
  validationToken: string;
}
