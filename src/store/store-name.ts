/** What an attempt's store is keyed by; leftovers of one attempt can never be read as another's. */
export interface StoreScope {
  baseUrl: string;
  courseId: string;
  quizId: string;
  submissionId: string;
  attempt: number;
}

// The version prefix lets a later schema live beside this one instead of misreading it (v2: events
// keyed by [client timestamp, tab, seq]).
// Never `qla_events`: Canvas's own logger may run on the same page.
export function storeName(scope: StoreScope): string {
  return `${submissionStorePrefix(scope)}${String(scope.attempt)}`;
}

/** What the names of every attempt's store of one submission start with. */
export function submissionStorePrefix(scope: Omit<StoreScope, 'attempt'>): string {
  const host = new URL(scope.baseUrl).host;
  return `quiz-proctor:v2:${host}:${scope.courseId}:${scope.quizId}:${scope.submissionId}:`;
}
