// The IIFE's entry: the same API as the ESM build, exposed as the global `QuizProctor`, plus the
// script-tag start. The ESM build never imports this file, so importing the package has no effect.
import { createProctorWith } from './proctor/create-proctor.js';
import { defaultDeps } from './proctor/proctor-deps.js';
import type { Proctor } from './proctor/proctor.js';
import { readScriptOptions } from './proctor/read-script-options.js';
import { startTheme } from './theme/start-theme.js';
import { whenDomReady } from './theme/when-dom-ready.js';

export {
  ConfigError,
  createProctor,
  isConfigError,
  isProctorError,
  isSessionError,
  isTransportError,
  ProctorError,
  SessionError,
  TransportError,
} from './index.js';
export { CanvasApiError } from './canvas/core/canvas-api-error.js';
export { isCanvasApiError } from './canvas/core/is-canvas-api-error.js';

let started: Proctor | undefined;

/** The proctor this file started by itself (from the script tag's data attributes, or on a Canvas take page), if it did. */
export function autoProctor(): Proctor | undefined {
  return started;
}

// document.currentScript is only set while this script runs, so it is read now.
const script = typeof document === 'undefined' ? null : document.currentScript;
if (script && readsAttributes(script)) {
  try {
    const proctor = (started = createProctorWith(readScriptOptions(script), defaultDeps()));
    whenDomReady(document, () => {
      // A refusal is reported through on('error') and the console; the page goes on.
      proctor.start().catch((error: unknown) => {
        console.error('[quiz-proctor]', error);
      });
    });
  } catch (error) {
    // A bad data attribute is the page author's mistake: say which, and leave the page alone.
    console.error('[quiz-proctor]', error);
  }
} else if (typeof window !== 'undefined') {
  // No attributes: the file was loaded as a Canvas theme file (or by a page that starts the SDK
  // itself), so it looks for a Canvas quiz page and does nothing anywhere else.
  started = startTheme(window, script).proctor;
}

// The tag's ids say the page author starts the SDK by data attributes (readScriptOptions).
function readsAttributes(tag: HTMLOrSVGScriptElement): boolean {
  return tag.dataset.courseId !== undefined || tag.dataset.quizId !== undefined;
}
