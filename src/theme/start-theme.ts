import { keepCanvasLoggerOff } from '../canvas-page/canvas-logger.js';
import { canvasEnv } from '../canvas-page/canvas-env.js';
import { readCanvasQuizPage } from '../canvas-page/read-canvas-quiz-page.js';
import { quizClockSkewMs, readQuizTimes } from '../canvas-page/read-quiz-times.js';
import { createProctorWith } from '../proctor/create-proctor.js';
import { deliverLeftovers, type CurrentAttempt } from '../proctor/deliver-leftovers.js';
import { normalizeOptions } from '../proctor/normalize-options.js';
import type { Proctor } from '../proctor/proctor.js';
import { defaultDeps, type ProctorDeps } from '../proctor/proctor-deps.js';
import type { CanvasTypes, ProctorOptions } from '../proctor/proctor-options.js';
import type { ResolvedOptions } from '../proctor/resolved-options.js';
import { readThemeConfig, THEME_CONFIG_GLOBAL, type ThemeSettings } from './read-theme-config.js';
import { mountReviewLoader, readLogPageCourse } from './mount-review-loader.js';
import { whenCanvasReady } from './when-canvas-ready.js';
import { whenDomReady } from './when-dom-ready.js';

// Set on the window by the first copy: a school whose sub-accounts each upload the SDK gets one start.
const STARTED = '__quizProctorTheme';

type ThemeWindow = Window & { [STARTED]?: true; canvasReadyState?: unknown } & Record<string, unknown>;

/** What the theme file did on this page (for the console and for tests: `QuizProctor.autoProctor()`). */
export interface ThemeStart {
  proctor?: Proctor;
}

// The theme file shares the page with Canvas's own scripts: it says what went wrong once, on the
// console, and never throws into them.
function createSay() {
  let said = false;
  return (problem: unknown, level: 'error' | 'warn' = 'error') => {
    if (said) return;
    said = true;
    console[level]('[quiz-proctor]', problem instanceof Error ? problem.message : problem);
  };
}

/**
 * Before Canvas's page code has read `ENV`: a deferred script (as Canvas loads the theme file) runs
 * before `DOMContentLoaded`, so before any jQuery-ready callback, while `document.currentScript` is set.
 */
function beforeCanvasPageCode(doc: Document, script: HTMLOrSVGScriptElement | null): boolean {
  if (doc.readyState === 'loading') return true;
  return (
    script instanceof HTMLScriptElement && script.defer && !script.async && doc.readyState !== 'complete'
  );
}

// The school's `courses`, or every course.
const inCourses = (settings: ThemeSettings, courseId: string) =>
  !settings.courses || settings.courses.includes(courseId);

/**
 * The theme file's start: on a classic quiz take page of a real attempt it proctors the attempt; on
 * the quiz page (after submitting) it delivers what the attempt left in this browser; everywhere
 * else it returns after one property read, adding no listener, database or request.
 */
export function startTheme(win: Window, script: HTMLOrSVGScriptElement | null): ThemeStart {
  const w = win as ThemeWindow;
  const result: ThemeStart = {};
  const say = createSay();
  try {
    if (w[STARTED]) return result;
    w[STARTED] = true;
    const settings = readThemeConfig(w[THEME_CONFIG_GLOBAL]);
    const logPageCourse = settings.enabled ? readLogPageCourse(win) : undefined;
    if (logPageCourse !== undefined) {
      const { reviewScriptUrl } = settings;
      if (reviewScriptUrl !== false && inCourses(settings, logPageCourse))
        whenDomReady(win.document, () => {
          mountReviewLoader(win.document, reviewScriptUrl);
        });
      return result;
    }
    // Every page but a quiz page with the student's submission stops here.
    if (!settings.enabled || typeof canvasEnv(win)?.QUIZ_SUBMISSION_EVENTS_URL !== 'string') return result;
    const early = beforeCanvasPageCode(win.document, script);
    const begin = () => {
      try {
        startOnQuizPage(win, settings, early, say, result);
      } catch (error) {
        say(error);
      }
    };
    whenDomReady(win.document, begin);
  } catch (error) {
    say(error);
  }
  return result;
}

// A take page's attempt is proctored (with what its earlier attempts left delivered or discarded);
// the quiz page delivers what the submitted attempt left.
function startOnQuizPage(
  win: Window,
  settings: ThemeSettings,
  early: boolean,
  say: ReturnType<typeof createSay>,
  result: ThemeStart,
): void {
  const page = readCanvasQuizPage(win);
  if (!page) return;
  if (page.kind === 'unreadable') {
    say(`not proctoring this take page: ${page.reason}`);
    return;
  }
  if (!inCourses(settings, page.courseId)) return;
  // A proctor's options on a Canvas quiz page: the school's settings, and everything else from the page.
  const pageOptions = (extra: Partial<ProctorOptions> = {}): ResolvedOptions =>
    normalizeOptions({
      ...settings.options,
      ...extra,
      courseId: page.courseId,
      quizId: page.quizId,
      // The page's origin, never the theme file's (served from a CDN): the cookie session is Canvas's.
      baseUrl: win.location.origin,
      eventsUrl: page.eventsUrl,
    });
  // Delivers what the submission left in this browser (see deliverLeftovers) once Canvas's own page
  // code has started: this is the lowest-priority work on the page. Says what had to be discarded.
  const deliverLeftoversLater = (options: ResolvedOptions, deps: ProctorDeps, current?: CurrentAttempt) => {
    void whenCanvasReady(win)
      .then(() => deliverLeftovers(options, deps, page.submissionId, current))
      .then((report) => {
        const lost = Object.entries(report.discarded).filter(([, count]) => count > 0);
        if (lost.length > 0)
          say(
            `discarded the events of earlier attempts (Canvas would file them under the current one): ${lost
              .map(([attempt, count]) => `attempt ${attempt}: ${String(count)}`)
              .join(', ')}`,
            'warn',
          );
      })
      .catch(say);
  };
  if (page.kind !== 'take') {
    deliverLeftoversLater(pageOptions(), defaultDeps());
    return;
  }
  let canvasTypes: CanvasTypes = settings.options.canvasTypes ?? 'auto';
  if (canvasTypes === 'always') {
    // Ours replace Canvas's in its log, so Canvas's logger must not start; once it has, both would
    // show, so Canvas's are left to it.
    if (early) keepCanvasLoggerOff(win);
    else {
      canvasTypes = 'never';
      say("canvasTypes 'always' ignored: Canvas's logger had started", 'warn');
    }
  }
  const options = pageOptions({
    canvasTypes,
    submission: { id: page.submissionId, attempt: page.attempt, validationToken: page.validationToken },
  });
  const base = defaultDeps();
  const skewMs = quizClockSkewMs(win.document, base.scheduler.now());
  const deps = { ...base, readTimeLeft: () => readQuizTimes(win.document, base.scheduler.now(), skewMs) };
  const proctor = (result.proctor = createProctorWith(options, deps));
  proctor.start().catch(say);
  // An earlier attempt's leftovers can no longer reach their attempt (see deliverLeftovers).
  deliverLeftoversLater(options, deps, { attempt: page.attempt, over: false });
}
