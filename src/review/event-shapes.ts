import type { CaptureEventType } from '../events/event-data.js';

type Check = (data: unknown) => string | undefined;
interface Shape {
  /** Canvas's type: sent in Canvas's shape, so no `tab` or `seq` even when the SDK numbered it. */
  canvas: boolean;
  /** What the review reads of its `event_data`, checked; the problem in words. */
  check: Check | null;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isMs = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isText = (value: unknown): boolean => typeof value === 'string' && value !== '';

const field =
  (name: string, ok: (value: unknown) => boolean, what: string): Check =>
  (data) =>
    isObject(data) && ok(data[name]) ? undefined : `${name} is not ${what}`;
const ms = (name: string) => field(name, isMs, 'a duration in ms');
const canvas = (check: Check | null = null): Shape => ({ canvas: true, check });
const ours = (check: Check | null = null): Shape => ({ canvas: false, check });

// One entry per type the SDK records: a new type in events/ does not compile until it is placed here.
const SHAPES: { readonly [K in CaptureEventType]: Shape } = {
  session_started: canvas(),
  page_blurred: canvas(),
  page_focused: canvas(),
  question_viewed: canvas((data) =>
    Array.isArray(data) && data.every((id) => typeof id === 'string' || typeof id === 'number')
      ? undefined
      : 'not an array of question ids',
  ),
  question_flagged: canvas(field('flagged', (value) => typeof value === 'boolean', 'true or false')),
  question_answered: canvas(),
  window_blurred: ours(),
  window_focused: ours(ms('away_ms')),
  page_hidden: ours(),
  page_visible: ours(ms('hidden_ms')),
  text_copied: ours(),
  text_cut: ours(),
  text_pasted: ours(),
  context_menu_opened: ours(),
  fullscreen_entered: ours(),
  fullscreen_exited: ours(),
  print_requested: ours(),
  window_resized: ours(),
  screen_changed: ours(),
  network_disconnected: ours(),
  network_reconnected: ours(ms('offline_ms')),
  shortcut_pressed: ours(),
  capture_warning: ours(),
  second_tab_opened: ours(field('tab_id', isText, 'a page id')),
  heartbeat: ours(field('n', isCount, 'a whole number')),
  apis_patched: ours(),
  page_stalled: ours(field('stalled_ms', isMs, 'a duration in ms')),
  tamper_suspected: ours(field('reason', isText, 'a reason')),
  storage_degraded: ours(field('reason', isText, 'a reason')),
  events_dropped: ours(field('count', isCount, 'a whole number')),
};

const shapeOf = (type: string): Shape | undefined =>
  Object.hasOwn(SHAPES, type) ? SHAPES[type as CaptureEventType] : undefined;

/** Canvas's types the SDK may send itself: it numbers them, but their shape has no room for the number. */
export const isCanvasShaped = (type: string): boolean => shapeOf(type)?.canvas === true;

/** An event's numbering (`tab`, `seq` in its `event_data`), null where it has none, or what is wrong. */
export function readEventData(
  type: string,
  data: unknown,
): { tab: string | null; seq: number | null } | { problem: string } {
  const shape = shapeOf(type);
  if (shape?.canvas === true) {
    const problem = shape.check?.(data);
    return problem === undefined ? { tab: null, seq: null } : { problem };
  }
  // Our types always carry tab and seq; a host app's own type carries them when it came through record().
  const numbered = isObject(data) && ('tab' in data || 'seq' in data);
  if (!numbered) return shape ? { problem: 'no tab and seq' } : { tab: null, seq: null };
  const number = readNumber(data);
  if (number === null) return { problem: 'tab or seq is unreadable' };
  const problem = shape?.check?.(data);
  return problem === undefined ? number : { problem };
}

/** The `tab` and `seq` an event's data carries, when both are readable. */
export function readNumber(data: unknown): { tab: string; seq: number } | null {
  if (!isObject(data)) return null;
  const { tab, seq } = data;
  return isText(tab) && Number.isSafeInteger(seq) && (seq as number) >= 1
    ? { tab: tab as string, seq: seq as number }
    : null;
}
