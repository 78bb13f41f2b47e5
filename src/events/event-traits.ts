import type { EventType } from './event-data.js';

// A new type must be in EventSwitches too, and nothing else may be.
type Assert<T extends true> = T;
export type SwitchesComplete = Assert<
  [keyof EventSwitches] extends [EventType]
    ? [EventType] extends [keyof EventSwitches]
      ? true
      : false
    : false
>;

/** The `capture*` option that turns a type off (on, for `captureAnswers`). */
export type CaptureSwitch =
  | 'captureSessionStart'
  | 'captureFocus'
  | 'captureQuestionViews'
  | 'captureQuestionFlags'
  | 'captureAnswers'
  | 'captureVisibility'
  | 'captureClipboard'
  | 'captureContextMenu'
  | 'captureFullscreen'
  | 'capturePrint'
  | 'captureWindowSize'
  | 'captureScreen'
  | 'captureNetwork'
  | 'captureShortcuts'
  | 'captureWarnings'
  | 'captureSecondTab'
  | 'captureHeartbeat';

/** What the SDK knows of an event type, besides its `event_data` shape. */
export interface EventTraits {
  /** `canvas`: Canvas's own type, sent in Canvas's exact shape; `quiz-proctor`: ours, `seq` and `tab` added. */
  origin: 'canvas' | 'quiz-proctor';
  /**
   * When the store overflows, what goes first: 0 for frequent low-value signals, 2 for integrity
   * evidence (the student left the page, copied, left fullscreen, opened a second tab), which goes last.
   */
  priority: 0 | 1 | 2;
  /**
   * A record of the SDK's own losses: never dropped to make room and not counted against the
   * store's bounds, or recording a loss would cause the next one.
   */
  lossRecord?: true;
}

/**
 * The option that switches each type; null for the SDK's own records, which are always on. A type,
 * not a value: the page never reads it, so it costs the bundle nothing, while docs/event-catalog.ts
 * must state each one exactly (the compiler checks it) and docs/events.md prints it.
 */
export interface EventSwitches {
  session_started: 'captureSessionStart';
  page_blurred: 'captureFocus';
  page_focused: 'captureFocus';
  window_blurred: 'captureFocus';
  window_focused: 'captureFocus';
  question_viewed: 'captureQuestionViews';
  question_flagged: 'captureQuestionFlags';
  question_answered: 'captureAnswers';
  page_hidden: 'captureVisibility';
  page_visible: 'captureVisibility';
  text_copied: 'captureClipboard';
  text_cut: 'captureClipboard';
  text_pasted: 'captureClipboard';
  context_menu_opened: 'captureContextMenu';
  fullscreen_entered: 'captureFullscreen';
  fullscreen_exited: 'captureFullscreen';
  print_requested: 'capturePrint';
  window_resized: 'captureWindowSize';
  screen_changed: 'captureScreen';
  network_disconnected: 'captureNetwork';
  network_reconnected: 'captureNetwork';
  shortcut_pressed: 'captureShortcuts';
  capture_warning: 'captureWarnings';
  second_tab_opened: 'captureSecondTab';
  heartbeat: 'captureHeartbeat';
  apis_patched: 'captureHeartbeat';
  page_stalled: 'captureHeartbeat';
  tamper_suspected: 'captureHeartbeat';
  storage_degraded: null;
  events_dropped: null;
}

// Short constructors keep the table (which ships in the page bundle) small and easy to scan.
const canvas = (priority: EventTraits['priority']): EventTraits => ({ origin: 'canvas', priority });
const ours = (priority: EventTraits['priority']): EventTraits => ({ origin: 'quiz-proctor', priority });
const LOSS_RECORD: EventTraits = { origin: 'quiz-proctor', priority: 2, lossRecord: true };

// One entry per type: the mapped types make a new type without its traits a compile error.
const TRAITS: { readonly [K in EventType]: EventTraits } = {
  session_started: canvas(2),
  page_blurred: canvas(2),
  page_focused: canvas(1),
  window_blurred: ours(2),
  window_focused: ours(1),
  question_viewed: canvas(0),
  question_flagged: canvas(1),
  question_answered: canvas(1),
  page_hidden: ours(2),
  page_visible: ours(1),
  text_copied: ours(2),
  text_cut: ours(2),
  text_pasted: ours(2),
  context_menu_opened: ours(0),
  fullscreen_entered: ours(1),
  fullscreen_exited: ours(2),
  print_requested: ours(2),
  window_resized: ours(0),
  screen_changed: ours(0),
  network_disconnected: ours(2),
  network_reconnected: ours(1),
  shortcut_pressed: ours(2),
  capture_warning: ours(0),
  second_tab_opened: ours(2),
  heartbeat: ours(1),
  apis_patched: ours(1),
  page_stalled: ours(2),
  tamper_suspected: ours(2),
  storage_degraded: LOSS_RECORD,
  events_dropped: LOSS_RECORD,
};

/** Every type the SDK records, with its traits. */
export const EVENT_TRAITS: Readonly<Record<EventType, EventTraits>> = TRAITS;

const traitsOf = (type: string): EventTraits | undefined =>
  Object.hasOwn(TRAITS, type) ? TRAITS[type as EventType] : undefined;

/** The overflow priority; a host app's own type (see `record()`) counts as 1. */
export function eventPriority(type: string): 0 | 1 | 2 {
  return traitsOf(type)?.priority ?? 1;
}

/** See {@link EventTraits.lossRecord}. */
export function isLossRecord(type: string): boolean {
  return traitsOf(type)?.lossRecord === true;
}

/** Canvas's own types, whose `event_data` goes to Canvas exactly as Canvas shapes it. */
export function isCanvasType(type: string): boolean {
  return traitsOf(type)?.origin === 'canvas';
}
