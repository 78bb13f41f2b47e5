import type { AttemptSummary } from './attempt-review.js';
import { byTab, ofType, type ReviewEvent } from './review-event.js';

/** The summary's plain figures: counts and sums that need no pairing. */
export type EventCounts = Omit<
  AttemptSummary,
  'awayMs' | 'departures' | 'unmeasuredDepartures' | 'longestDepartureMs' | 'duplicates' | 'notes'
>;

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

export function countEvents(events: readonly ReviewEvent[]): EventCounts {
  const count = (type: string) => events.filter((event) => event.type === type).length;
  const visible = ofType(events, 'page_visible');
  return {
    hiddenMs: sum(visible.map((event) => event.data.hidden_ms)),
    // A page hidden as it closes (a reload, the next question, submitting) never comes back: only
    // hidden stretches that ended are counted.
    hiddenCount: visible.length,
    offlineMs: sum(ofType(events, 'network_reconnected').map((event) => event.data.offline_ms)),
    fullscreenExits: count('fullscreen_exited'),
    copies: count('text_copied'),
    cuts: count('text_cut'),
    pastes: count('text_pasted'),
    contextMenus: count('context_menu_opened'),
    prints: count('print_requested'),
    shortcuts: count('shortcut_pressed'),
    questionsViewed: new Set(ofType(events, 'question_viewed').flatMap((event) => event.data.map(String)))
      .size,
    flags: ofType(events, 'question_flagged').filter((event) => event.data.flagged).length,
    pageLoads: byTab(events).size,
    // Every tab open at the time records the newcomer: it is one second page however many heard it.
    secondTabs: new Set(ofType(events, 'second_tab_opened').map((event) => event.data.tab_id)).size,
    droppedEvents: sum(ofType(events, 'events_dropped').map((event) => event.data.count)),
  };
}
