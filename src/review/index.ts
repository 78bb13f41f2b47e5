// quiz-proctor/review: reads an attempt's log back, in Node or a browser. Nothing here runs in the
// page, and nothing of the page's code is here: it stands alone (docs/review.md).

export { analyzeAttempt } from './analyze-attempt.js';
export { renderTimeline } from './timeline/render-timeline.js';
export { mountTimeline, type MountedTimeline } from './timeline/mount-timeline.js';
export type { AnalyzeAttemptInput, RetrievedEvent, ReviewedSubmission } from './analyze-attempt-input.js';
export type {
  AttemptReview,
  AttemptSummary,
  Finding,
  FindingCode,
  FindingSeverity,
} from './attempt-review.js';
export { ReviewInputError, type ReviewInputField } from './review-input-error.js';
