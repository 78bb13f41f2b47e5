import type { Observable } from 'rxjs';
import type { CaptureMemory } from './capture-options.js';
import type { QuestionLocator } from './create-question-locator.js';
import type { Warn } from './create-warn.js';
import type { ResolvedCaptureOptions } from './resolve-capture-options.js';
import type { QuestionMap } from './watch-questions.js';

/**
 * What the sources of one capture read: the resolved options and what they share. One object for
 * all, passed as is: each source's signature picks the part it reads.
 */
export interface CaptureContext extends ResolvedCaptureOptions {
  memory: CaptureMemory;
  locator: QuestionLocator;
  /** One watch of the page's questions for every source that needs them; late subscribers get the list at once. */
  questions$: Observable<QuestionMap>;
  warn: Warn;
  /** When it emits, the sources that hold state back record it and complete. */
  stop$: Observable<unknown>;
  /** Canvas's own logger sends Canvas's types: focus is recorded as `window_blurred` / `window_focused`. */
  withoutCanvasTypes: boolean;
}
