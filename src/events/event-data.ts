/** Why a `capture_warning` was recorded. */
export type CaptureWarningReason =
  /** A question element whose id could not be read (no `question_<id>` id, no `data-quiz-question-id`). */
  | 'question_without_id'
  /** A question id that is not a whole number (Canvas quiz question ids are). */
  | 'question_id_not_numeric'
  /** A second question element with an id already taken; the first in document order counts. */
  | 'question_id_duplicate'
  /** A flag control that is not inside any question element. */
  | 'flag_outside_question'
  /** A capture handler threw; the exception was kept from the page. */
  | 'handler_failed'
  /** A source failed repeatedly and was switched off for the rest of the page load. */
  | 'source_stopped'
  /** The browser lacks an API a source needs (IntersectionObserver, MutationObserver). */
  | 'unsupported';

/** What a recorded keyboard shortcut is commonly used for. */
export type ShortcutPurpose =
  | 'developer_tools'
  | 'view_source'
  | 'print'
  | 'save_page'
  | 'switch_tab'
  | 'new_tab'
  | 'new_window'
  | 'close_tab'
  | 'switch_app'
  | 'navigate'
  | 'screenshot';

/** An answer in the format of Canvas's Quiz Submission Questions API, by question type. */
export type CanvasAnswer =
  | string
  | number
  | number[]
  | Record<string, string | number>
  | { answer_id: number; match_id: number }[]
  | null;

/** The `event_data` of every event type capture emits, by type (`undefined`: no `event_data` key). */
export interface CaptureEventDataMap {
  session_started: { user_agent: string };
  page_blurred: undefined;
  page_focused: undefined;
  window_blurred: { sampled?: true };
  window_focused: { away_ms: number; sampled?: true };
  question_viewed: string[];
  question_flagged: { flagged: boolean; questionId: string };
  question_answered: { quiz_question_id: string; answer: CanvasAnswer }[];
  page_hidden: { sampled?: true };
  page_visible: { hidden_ms: number; sampled?: true };
  text_copied: { question_id: string | null; text_length: number };
  text_cut: { question_id: string | null; text_length: number };
  text_pasted: { question_id: string | null; text_length: number };
  context_menu_opened: { question_id: string | null };
  fullscreen_entered: Record<string, never>;
  fullscreen_exited: { fullscreen_ms: number };
  print_requested: Record<string, never>;
  window_resized: {
    width_px: number;
    height_px: number;
    outer_width_px: number;
    outer_height_px: number;
    device_pixel_ratio: number;
  };
  screen_changed: {
    width_px: number;
    height_px: number;
    device_pixel_ratio: number;
    is_extended?: boolean;
    initial: boolean;
  };
  network_disconnected: Record<string, never>;
  network_reconnected: { offline_ms: number };
  shortcut_pressed: { shortcut: string; purpose: ShortcutPurpose };
  capture_warning: { reason: CaptureWarningReason; source?: string; question_id?: string; detail?: string };
  second_tab_opened: { tab_id: string };
  heartbeat: {
    n: number;
    reason: 'start' | 'interval' | 'hidden' | 'visible' | 'complete';
    sent: Record<string, number>;
    focused: boolean;
    visible: boolean;
    wall_ms: number | null;
    mono_ms: number | null;
    store: 'indexeddb' | 'memory';
  };
  apis_patched: { apis: string[] };
  page_stalled: { stalled_ms: number };
  tamper_suspected: { reason: 'focus_unreported' | 'visibility_unreported'; since_ms: number };
  storage_degraded: { reason: string };
  events_dropped: {
    count: number;
    by_type: Record<string, number>;
    /** @deprecated The same as `by_type`; sent for one more release. */
    byType: Record<string, number>;
  };
}

export type CaptureEventType = keyof CaptureEventDataMap;

/** Every event type the SDK itself records (a host app's `record()` may add its own). */
export type EventType = CaptureEventType;
