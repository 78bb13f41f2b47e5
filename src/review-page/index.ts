// The review file (dist/quiz-proctor-review.iife.min.js, global QuizProctorReview): the reviewer for
// a page without a bundler, and the panel the theme file puts on Canvas's log page, which reads the
// attempt with the typed client. Teachers' code only: never in the page IIFE.
export * from '../review/index.js';
export { mountLogPage, type LogPageIds } from './mount-log-page.js';
