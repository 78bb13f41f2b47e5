import type { AttemptSummary } from '../attempt-review.js';
import { formatDuration } from './format-duration.js';

type Figure = Exclude<keyof AttemptSummary, 'notes'>;

// The summary's figures, in the order a reviewer asks about them; durations in words.
const FIGURES: [Figure, string][] = [
  ['awayMs', 'Time away'],
  ['departures', 'Departures'],
  ['unmeasuredDepartures', 'of which length unknown'],
  ['longestDepartureMs', 'Longest departure'],
  ['hiddenMs', 'Time hidden'],
  ['hiddenCount', 'Times hidden'],
  ['offlineMs', 'Time offline'],
  ['fullscreenExits', 'Fullscreen exits'],
  ['copies', 'Copies'],
  ['cuts', 'Cuts'],
  ['pastes', 'Pastes'],
  ['contextMenus', 'Context menus'],
  ['prints', 'Prints'],
  ['shortcuts', 'Shortcuts'],
  ['questionsViewed', 'Questions viewed'],
  ['flags', 'Flags'],
  ['pageLoads', 'Page loads'],
  ['secondTabs', 'Second tabs'],
  ['droppedEvents', 'Events dropped'],
  ['duplicates', 'Copies removed'],
];

/** A figure of the summary as the totals show it: durations in words, counts as numbers. */
export const formatFigure = (key: Figure, value: number | null): string =>
  key.endsWith('Ms') ? formatDuration(value) : String(value);

/** The totals of `analyzeAttempt`'s summary, each `<div data-total="<field>">` for tools and tests. */
export function renderTotals(summary: AttemptSummary): string {
  const items = FIGURES.map(
    ([key, label]) =>
      `<div data-total="${key}"${summary[key] === 0 ? ' class="qp-zero"' : ''}><dt>${label}</dt><dd>${formatFigure(key, summary[key])}</dd></div>`,
  );
  return `<dl class="qp-totals">${items.join('')}</dl>`;
}
