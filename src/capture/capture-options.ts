import type { Observable, SchedulerLike } from 'rxjs';
import type { CaptureSwitch } from '../events/event-traits.js';
import type { CaptureMemory } from '../record/capture-memory.js';

export type { CaptureMemory, CaptureSwitch };

/** Options of {@link createCapture}: which signals to record, how to find questions, and timing. */
export interface CaptureOptions {
  /**
   * Record `session_started` once per attempt.
   * @default true
   */
  captureSessionStart?: boolean;
  /**
   * Record `page_blurred` / `page_focused`.
   * @default true
   */
  captureFocus?: boolean;
  /**
   * Record `question_viewed`.
   * @default true
   */
  captureQuestionViews?: boolean;
  /**
   * Record `question_flagged`.
   * @default true
   */
  captureQuestionFlags?: boolean;
  /**
   * Record `question_answered`, which carries the student's answers (their text included). Canvas
   * records answers on the server when the page saves them, so this is for other quiz UIs.
   * @default false
   */
  captureAnswers?: boolean;
  /**
   * Record `page_hidden` / `page_visible`.
   * @default true
   */
  captureVisibility?: boolean;
  /**
   * Record `text_copied` / `text_cut` / `text_pasted` (lengths only, never the text).
   * @default true
   */
  captureClipboard?: boolean;
  /**
   * Record `context_menu_opened`.
   * @default true
   */
  captureContextMenu?: boolean;
  /**
   * Record `fullscreen_entered` / `fullscreen_exited`.
   * @default true
   */
  captureFullscreen?: boolean;
  /**
   * Record `print_requested`.
   * @default true
   */
  capturePrint?: boolean;
  /**
   * Record `window_resized`.
   * @default true
   */
  captureWindowSize?: boolean;
  /**
   * Record `screen_changed`.
   * @default true
   */
  captureScreen?: boolean;
  /**
   * Record `network_disconnected` / `network_reconnected`.
   * @default true
   */
  captureNetwork?: boolean;
  /**
   * Record `shortcut_pressed`.
   * @default true
   */
  captureShortcuts?: boolean;
  /**
   * Record `capture_warning` for garbage in the page and for failed handlers.
   * @default true
   */
  captureWarnings?: boolean;
  /**
   * Record `second_tab_opened` when another tab of the same attempt starts.
   * @default true
   */
  captureSecondTab?: boolean;
  /**
   * Record a `heartbeat` at start, every `heartbeatIntervalMs`, when the page is hidden or shown,
   * and before complete: what should be in the log, so a silenced log is evidence too.
   * @default true
   */
  captureHeartbeat?: boolean;
  /**
   * Which elements are questions.
   * @default '#questions .question, [data-quiz-question-id]'
   */
  questionSelector?: string;
  /**
   * Reads a question element's id; `undefined` or `null` when it has none. Ids must be whole numbers.
   * @default `data-quiz-question-id`, else the `<id>` of an element id `question_<id>`
   */
  questionId?: (question: Element) => string | null | undefined;
  /**
   * Which elements are flag controls; each must sit inside a question.
   * @default '.flag_question, [data-quiz-flag]'
   */
  flagSelector?: string;
  /**
   * Reads whether a question is flagged, after a click on its flag control.
   * @default `data-quiz-flagged` on the question when present (anything but `"false"` is flagged), else its `marked` class
   */
  isFlagged?: (question: Element, control: Element) => boolean;
  /**
   * Reads a question's current answer in Canvas's answer format; `undefined` when unanswered.
   * @default reads Canvas's `question_<id>…` inputs by question type (the `<type>_question` class or `data-quiz-question-type`)
   */
  readAnswer?: (question: Element, questionId: string) => unknown;
  /**
   * Shortest time between two focus events; as Canvas (5 s, leading edge), plus a trailing catch-up.
   * @default 5000
   */
  focusThrottleMs?: number;
  /**
   * Shortest time between two `question_viewed` events; ids seen meanwhile are sent together.
   * @default 2500
   */
  questionViewThrottleMs?: number;
  /**
   * How long a question must stay visible to count as viewed.
   * @default 0
   */
  questionViewDwellMs?: number;
  /**
   * Quiet time after the last keystroke before changed answers are read.
   * @default 1000
   */
  answerDebounceMs?: number;
  /**
   * Quiet time after the last `resize` before the new size is read.
   * @default 250
   */
  resizeDebounceMs?: number;
  /**
   * Quiet time after DOM changes that touch questions before questions are looked up again.
   * @default 50
   */
  questionScanDelayMs?: number;
}

// The switches the event traits name are exactly the `capture*` options: a new option without its
// traits, or traits naming a missing option, fails to compile here.
type OptionSwitch = {
  [K in keyof CaptureOptions]-?: K extends `capture${string}` ? K : never;
}[keyof CaptureOptions];
type Assert<T extends true> = T;
export type SwitchesMatch = Assert<
  [OptionSwitch, CaptureSwitch] extends [CaptureSwitch, OptionSwitch] ? true : false
>;

/** What capture reads from its surroundings. */
export interface CaptureDeps {
  /** The quiz page's window. */
  target: Window;
  /** The clock and timer of every timing rule; `capturedAt` is `scheduler.now()`. */
  scheduler: SchedulerLike;
  memory: CaptureMemory;
  /**
   * When it emits, pending state is recorded (a focus change held by the throttle, answers waiting
   * for the debounce, viewed ids waiting for the throttle) and the capture completes.
   */
  stop$?: Observable<unknown>;
  /**
   * Leave Canvas's own types to Canvas's logger (see the proctor's `canvasTypes`): their sources are
   * off, and focus is recorded as `window_blurred` / `window_focused`.
   * @default false
   */
  withoutCanvasTypes?: boolean;
}
