import type { SchedulerLike, Subscription } from 'rxjs';
import { repeatEvery } from '../util/repeat-every.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { PageState } from './read-page-state.js';

export interface UnreportedConfig {
  scheduler: SchedulerLike;
  /** How often the page's state is sampled. */
  sampleMs: number;
  /**
   * How long the sampled state must disagree with the events before it counts: longer than the
   * focus throttle (5 s), which legitimately holds a change back, so a real student never trips it.
   */
  thresholdMs: number;
  pageState: () => PageState;
  /** A clock no one can set: how late a sample comes tells a paused or frozen page. */
  monotonicNow: () => number;
  /** A visible page whose sample comes this much later than asked was stalled (a debugger, a freeze). */
  stallMs: number;
  /** Which states the events report at all (their capture switches). */
  focus: boolean;
  visibility: boolean;
  record: (event: CapturedEvent) => void;
}

/** Follows what the events said, and samples what is true. */
export interface UnreportedWatch {
  /** Every event recorded, so the watch knows what the log says of focus and visibility. */
  saw(type: string): void;
  start(): Subscription;
}

type Dimension = 'focus' | 'visibility';

const SAYS_AWAY: Record<string, [Dimension, boolean]> = {
  page_blurred: ['focus', true],
  window_blurred: ['focus', true],
  page_focused: ['focus', false],
  window_focused: ['focus', false],
  page_hidden: ['visibility', true],
  page_visible: ['visibility', false],
};

/**
 * A departure the page's events never reported (a script stopped the blur or visibilitychange
 * before any listener, or overrode the getters): when the sampled state has been away for
 * `thresholdMs` while the events say present, `tamper_suspected` is recorded with the reason and how
 * long it has lasted, and the true departure as sampled (`window_blurred` / `page_hidden` with
 * `sampled: true` at once, since a page's timestamps only go forward; then `window_focused` /
 * `page_visible` with its whole length when it ends), so it shows with its duration.
 * The other way round (the events say away while the page is present) is a throttled focus event
 * on its way, not tampering, and is ignored.
 */
export function watchUnreported(config: UnreportedConfig): UnreportedWatch {
  const { scheduler } = config;
  const reportedAway: Record<Dimension, boolean> = { focus: false, visibility: false };
  // Since when the sample has been away while the events say present; whether it was recorded.
  const episode: Record<Dimension, { since: number; recorded: boolean } | undefined> = {
    focus: undefined,
    visibility: undefined,
  };
  const recordStart = (dimension: Dimension, since: number) => {
    const now = scheduler.now();
    config.record({
      type: 'tamper_suspected',
      data: {
        reason: dimension === 'focus' ? 'focus_unreported' : 'visibility_unreported',
        since_ms: now - since,
      },
      capturedAt: now,
    });
    config.record(
      dimension === 'focus'
        ? { type: 'window_blurred', data: { sampled: true }, capturedAt: now }
        : { type: 'page_hidden', data: { sampled: true }, capturedAt: now },
    );
  };
  const recordEnd = (dimension: Dimension, since: number) => {
    const now = scheduler.now();
    config.record(
      dimension === 'focus'
        ? { type: 'window_focused', data: { away_ms: now - since, sampled: true }, capturedAt: now }
        : { type: 'page_visible', data: { hidden_ms: now - since, sampled: true }, capturedAt: now },
    );
  };
  const check = (dimension: Dimension, away: boolean) => {
    const open = episode[dimension];
    if (away && !reportedAway[dimension]) {
      const since = open?.since ?? scheduler.now();
      if (!open) episode[dimension] = { since, recorded: false };
      else if (!open.recorded && scheduler.now() - since >= config.thresholdMs) {
        open.recorded = true;
        recordStart(dimension, since);
      }
      return;
    }
    if (open?.recorded) recordEnd(dimension, open.since);
    episode[dimension] = undefined;
  };
  return {
    saw(type) {
      const says = SAYS_AWAY[type];
      if (says) reportedAway[says[0]] = says[1];
    },
    start: () => {
      // A page that starts unfocused gets no blur event, and the events assume present at start (as
      // Canvas's do): the state at start is the baseline, never an episode.
      const atStart = config.pageState();
      if (!atStart.focused) reportedAway.focus = true;
      if (!atStart.visible) reportedAway.visibility = true;
      let last = { mono: config.monotonicNow(), visible: atStart.visible };
      return repeatEvery(config.sampleMs, scheduler, () => {
        const state = config.pageState();
        const mono = config.monotonicNow();
        // Timers of a hidden page are throttled on purpose; a visible page's are late only when its
        // main thread was held.
        const lateMs = mono - last.mono - config.sampleMs;
        if (last.visible && state.visible && lateMs >= config.stallMs)
          config.record({
            type: 'page_stalled',
            data: { stalled_ms: Math.round(lateMs) },
            capturedAt: scheduler.now(),
          });
        last = { mono, visible: state.visible };
        if (config.focus) check('focus', !state.focused);
        if (config.visibility) check('visibility', !state.visible);
      });
    },
  };
}
