// When the store overflows, what goes first. Integrity evidence (the student left the page, copied,
// left fullscreen, opened a second tab) goes last; frequent low-value signals go first.
const INTEGRITY = new Set([
  'page_blurred',
  'page_hidden',
  'text_copied',
  'text_cut',
  'text_pasted',
  'fullscreen_exited',
  'shortcut_pressed',
  'print_requested',
  'network_disconnected',
  'second_tab_opened',
  'storage_degraded',
  'events_dropped',
  'session_started',
]);
const LOW = new Set([
  'question_viewed',
  'window_resized',
  'screen_changed',
  'context_menu_opened',
  'capture_warning',
]);

/** 2 for integrity evidence, 0 for low-value signals, 1 for everything else. */
export function eventPriority(type: string): 0 | 1 | 2 {
  if (INTEGRITY.has(type)) return 2;
  return LOW.has(type) ? 0 : 1;
}

/**
 * Records of the SDK's own losses: never dropped to make room and not counted against the store's
 * bounds, or recording a loss would cause the next one.
 */
export function isLossRecord(type: string): boolean {
  return type === 'events_dropped' || type === 'storage_degraded';
}
