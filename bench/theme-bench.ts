// In the page of bench/theme-run.js: startTheme on a page that is not a quiz page, per call, with a
// fresh window object each time (its once-per-page flag lives on the window), against one read of
// the ENV property it checks first.
import { startTheme } from '../src/theme/start-theme.js';

declare global {
  interface Window {
    runThemeBench: (calls: number) => { plain: number; configured: number; floor: number };
  }
}

const ENV = { COURSE_ID: 12, current_user_id: '7', context_asset_string: 'course_12' };
const SETTINGS = { courses: [12, 13], canvasTypes: 'auto', capture: { captureClipboard: false } };

function fakeWindows(count: number, config?: object): Window[] {
  return Array.from(
    { length: count },
    () =>
      ({
        ENV,
        QUIZ_PROCTOR_CONFIG: config,
        document,
        location: window.location,
      }) as unknown as Window,
  );
}

function perCallUs(count: number, run: (win: Window) => unknown, config?: object): number {
  const wins = fakeWindows(count, config);
  const started = performance.now();
  let sink = 0;
  for (const win of wins) if (run(win) !== undefined) sink += 1;
  const elapsed = performance.now() - started;
  if (sink < 0) console.log(sink);
  return (elapsed * 1000) / count;
}

window.runThemeBench = (calls) => {
  // One warm-up round of each, so the figures are of compiled code.
  perCallUs(calls, (win) => startTheme(win, null));
  perCallUs(calls, (win) => startTheme(win, null), SETTINGS);
  const read = (win: Window) =>
    (win as unknown as { ENV?: { QUIZ_SUBMISSION_EVENTS_URL?: unknown } }).ENV?.QUIZ_SUBMISSION_EVENTS_URL;
  perCallUs(calls, read);
  return {
    plain: perCallUs(calls, (win) => startTheme(win, null)),
    configured: perCallUs(calls, (win) => startTheme(win, null), SETTINGS),
    floor: perCallUs(calls, (win) => read(win) ?? 0),
  };
};
