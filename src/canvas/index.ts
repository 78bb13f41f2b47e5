// The typed Canvas client: one standalone function per operation, so bundles keep only what they call.

export { createCanvasClient, type CanvasClient, type CanvasClientOptions } from './core/canvas-client.js';
export type { Id } from './core/id.js';
export type { CanvasAuth } from './core/canvas-auth.js';
export { CanvasError, type CanvasErrorCode } from './core/canvas-error.js';
export { CanvasApiError } from './core/canvas-api-error.js';
export { CanvasNetworkError } from './core/canvas-network-error.js';
export { CanvasTimeoutError } from './core/canvas-timeout-error.js';
export { isCanvasApiError, isCanvasNetworkError } from './core/is-canvas-api-error.js';
export { getAll, type CanvasList, type PageOptions } from './core/canvas-list.js';
export type { CanvasFile, FileUploadInput } from './core/canvas-file.js';

export type {
  QuizSubmission,
  QuizSubmissionInclude,
  QuizSubmissionState,
} from './quiz-submissions/quiz-submission.js';
export type {
  QuizSubmissionEvent,
  QuizSubmissionEventInput,
} from './quiz-submissions/quiz-submission-event.js';
export {
  startQuizSubmission,
  type StartQuizSubmissionParams,
} from './quiz-submissions/start-quiz-submission.js';
export { getQuizSubmission, type GetQuizSubmissionParams } from './quiz-submissions/get-quiz-submission.js';
export {
  completeQuizSubmission,
  type CompleteQuizSubmissionParams,
} from './quiz-submissions/complete-quiz-submission.js';
export {
  getQuizSubmissionTime,
  type GetQuizSubmissionTimeParams,
  type QuizSubmissionTime,
} from './quiz-submissions/get-quiz-submission-time.js';
export {
  listQuizSubmissions,
  type ListQuizSubmissionsParams,
} from './quiz-submissions/list-quiz-submissions.js';
export {
  updateQuizSubmissionScores,
  type QuestionScoreInput,
  type UpdateQuizSubmissionScoresParams,
} from './quiz-submissions/update-quiz-submission-scores.js';
export {
  uploadQuizSubmissionFile,
  type UploadQuizSubmissionFileParams,
} from './quiz-submissions/upload-quiz-submission-file.js';
export {
  listQuizSubmissionEvents,
  type ListQuizSubmissionEventsParams,
} from './quiz-submissions/list-quiz-submission-events.js';
export {
  submitQuizSubmissionEvents,
  type SubmitQuizSubmissionEventsParams,
} from './quiz-submissions/submit-quiz-submission-events.js';

export type {
  QuizAnswerByType,
  QuizQuestionAnswer,
  QuizQuestionType,
  QuizSubmissionCredentials,
  QuizSubmissionQuestion,
} from './quiz-questions/quiz-submission-question.js';
export {
  listQuizSubmissionQuestions,
  type ListQuizSubmissionQuestionsParams,
} from './quiz-questions/list-quiz-submission-questions.js';
export {
  answerQuizSubmissionQuestions,
  type AnswerQuizSubmissionQuestionsParams,
} from './quiz-questions/answer-quiz-submission-questions.js';
export {
  flagQuizSubmissionQuestion,
  type FlagQuizSubmissionQuestionParams,
} from './quiz-questions/flag-quiz-submission-question.js';
export {
  unflagQuizSubmissionQuestion,
  type UnflagQuizSubmissionQuestionParams,
} from './quiz-questions/unflag-quiz-submission-question.js';

export type {
  RubricAssessmentEntry,
  Submission,
  SubmissionComment,
  SubmissionInclude,
  SubmissionType,
} from './submissions/submission.js';
export { listSubmissions, type ListSubmissionsParams } from './submissions/list-submissions.js';
export {
  listGroupedSubmissions,
  listMultipleSubmissions,
  type ListMultipleSubmissionsParams,
  type StudentSubmissions,
} from './submissions/list-multiple-submissions.js';
export {
  submitAssignment,
  type SubmissionContent,
  type SubmitAssignmentParams,
} from './submissions/submit-assignment.js';
export { getSubmission, type GetSubmissionParams } from './submissions/get-submission.js';
export {
  gradeSubmission,
  type GradeSubmissionParams,
  type SubmissionCommentInput,
} from './submissions/grade-submission.js';
export type { Progress } from './submissions/progress.js';
export {
  updateCourseGrades,
  updateGrades,
  type GradeDataEntry,
  type UpdateCourseGradesParams,
  type UpdateGradesParams,
} from './submissions/update-grades.js';
export { getProgress } from './submissions/get-progress.js';
export { waitForProgress, type WaitForProgressOptions } from './submissions/wait-for-progress.js';
export type { PeerReview, PeerReviewInclude } from './submissions/peer-review.js';
export { listPeerReviews, type ListPeerReviewsParams } from './submissions/list-peer-reviews.js';
export { createPeerReview, type CreatePeerReviewParams } from './submissions/create-peer-review.js';
export { deletePeerReview, type DeletePeerReviewParams } from './submissions/delete-peer-review.js';
export {
  markSubmissionRead,
  markSubmissionUnread,
  type SubmissionReadParams,
} from './submissions/mark-submission-read.js';
export {
  uploadSubmissionCommentFile,
  uploadSubmissionFile,
  type UploadSubmissionFileParams,
} from './submissions/upload-submission-file.js';

export type {
  GradebookDay,
  Grader,
  SubmissionHistory,
  SubmissionVersion,
} from './gradebook-history/gradebook-history.js';
export { listGradebookHistoryDays } from './gradebook-history/list-gradebook-history-days.js';
export { listGradebookHistoryGraders } from './gradebook-history/list-gradebook-history-graders.js';
export {
  listGradebookHistorySubmissions,
  type GradebookHistorySubmissionsParams,
} from './gradebook-history/list-gradebook-history-submissions.js';
export {
  listGradebookHistoryFeed,
  type GradebookHistoryFeedParams,
} from './gradebook-history/list-gradebook-history-feed.js';
