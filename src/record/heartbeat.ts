import type { SchedulerLike, Subscription } from 'rxjs';
import { repeatEvery } from '../util/repeat-every.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { CaptureEventDataMap } from '../events/event-data.js';
import type { PageState } from './read-page-state.js';

export type HeartbeatReason = CaptureEventDataMap['heartbeat']['reason'];

export interface HeartbeatConfig {
  scheduler: SchedulerLike;
  intervalMs: number;
  /** Milliseconds on a clock no one can set (performance.now), beside the scheduler's wall clock. */
  monotonicNow: () => number;
  record: (event: CapturedEvent) => void;
  pageState: () => PageState;
  storage: () => 'indexeddb' | 'memory';
}

/** This page load's heartbeat. */
export interface Heartbeat {
  /** Counts an event queued to send, for the next heartbeat's `sent`. */
  count(type: string): void;
  beat(reason: HeartbeatReason): void;
  /** Beats at `intervalMs` from now on. */
  start(): Subscription;
}

/**
 * Heartbeats say what should be in the log: how many events of each type this page load has queued
 * (cumulative, so lost or reordered batches do not matter), the state of the page as sampled, and
 * the time since the previous beat on both clocks (a gap on one only is a clock change or a stall).
 * Each carries its own `seq` and `tab`: every lower seq of the tab was numbered before it.
 */
export function createHeartbeat(config: HeartbeatConfig): Heartbeat {
  const sent: Record<string, number> = {};
  let n = 0;
  let last: { wall: number; mono: number } | undefined;
  const heartbeat: Heartbeat = {
    count(type) {
      if (type !== 'heartbeat') sent[type] = (sent[type] ?? 0) + 1;
    },
    beat(reason) {
      const wall = config.scheduler.now();
      const mono = config.monotonicNow();
      n += 1;
      const { focused, visible } = config.pageState();
      config.record({
        type: 'heartbeat',
        data: {
          n,
          reason,
          sent: { ...sent },
          focused,
          visible,
          wall_ms: last ? wall - last.wall : null,
          mono_ms: last ? Math.round(mono - last.mono) : null,
          store: config.storage(),
        },
        capturedAt: wall,
      });
      last = { wall, mono };
    },
    start: () =>
      repeatEvery(config.intervalMs, config.scheduler, () => {
        heartbeat.beat('interval');
      }),
  };
  return heartbeat;
}
