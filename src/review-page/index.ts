// The review file (dist/quiz-proctor-review.iife.min.js, global QuizProctorReview): the reviewer for
// a page without a bundler, and the panel the theme file puts on Canvas's log page, which reads the
// attempt with the typed client. Teachers' code only: never in the page IIFE.
import { mountThemePanel } from './mount-theme-panel.js';

export * from '../review/index.js';
export { mountLogPage, type LogPageIds } from './mount-log-page.js';

// document.currentScript is set only while this file runs: the theme file's tag asks for its panel.
if (typeof document !== 'undefined') mountThemePanel(window, document.currentScript);
