// The page IIFE's outer shape: Canvas loads a theme file on every page of a school, and on all but
// quiz pages it must cost next to nothing. Running the bundle's top level (rxjs, ky and every module
// set up) costs milliseconds on a slow machine; a function that is never called is only pre-parsed.
// So the bundle becomes the body of `load`, which runs at once only where the file has work to do
// (a script tag with data attributes, or a page whose ENV names a quiz submission's events URL, which
// Canvas sets on quiz pages only, or the teacher's log page's `events_url`: src/theme/start-theme.ts
// makes the full decision); elsewhere
// `QuizProctor` is an object whose properties load the bundle when first read, so an app calling
// `QuizProctor.createProctor(…)` later never sees a difference.
//
// These are rollup's `output.banner` and `output.footer` of the IIFE build, whose own wrapper
// (`var __quizProctor = (function (exports) { … })({});`) sits between them.
export const LAZY_IIFE_INNER_NAME = '__quizProctor';

export const lazyIifeBanner = () => 'var QuizProctor = (function () {\nfunction load() {';

export function lazyIifeFooter(chunk) {
  const names = JSON.stringify(chunk.exports);
  return `return ${LAZY_IIFE_INNER_NAME};
}
var api;
var get = function () { return api || (api = load()); };
var script = typeof document === 'undefined' ? null : document.currentScript;
var data = script && script.dataset;
var env = typeof window === 'undefined' ? undefined : window.ENV;
if ((data && (data.courseId !== undefined || data.quizId !== undefined)) ||
    (env && (typeof env.QUIZ_SUBMISSION_EVENTS_URL === 'string' || typeof env.events_url === 'string'))) return get();
var lazy = {};
${names}.forEach(function (name) {
  Object.defineProperty(lazy, name, { enumerable: true, get: function () { return get()[name]; } });
});
return lazy;
})();`;
}
