// The review tests' fixtures: realistic logs as Canvas's events API returns them (test/review/fixtures/,
// each with an `about`), and the summary of an attempt where nothing happened.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeAttempt } from '../../dist/review.js';

/** A fixture's `{ events, submission }`, parsed anew each time so a test may change it. */
export function fixture(name) {
  const { events, submission } = JSON.parse(
    readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8'),
  );
  return { events, submission };
}

/** Every figure of a summary where nothing was recorded: tests spread what their log holds over it. */
export const NOTHING = Object.freeze({
  awayMs: 0,
  departures: 0,
  unmeasuredDepartures: 0,
  longestDepartureMs: 0,
  hiddenMs: 0,
  hiddenCount: 0,
  offlineMs: 0,
  fullscreenExits: 0,
  copies: 0,
  cuts: 0,
  pastes: 0,
  contextMenus: 0,
  prints: 0,
  shortcuts: 0,
  questionsViewed: 0,
  flags: 0,
  pageLoads: 0,
  secondTabs: 0,
  droppedEvents: 0,
  duplicates: 0,
  notes: [],
});

/** Asserts a fixture's whole review: the figures given (every other one nothing) and the findings. */
export function assertReview(name, figures, findings = []) {
  assert.deepEqual(analyzeAttempt(fixture(name)), { summary: { ...NOTHING, ...figures }, findings });
}

/** Canvas's own logger's types (Canvas's shapes, no tab or seq). */
export const CANVAS_LOGGER_TYPES = new Set([
  'session_started',
  'page_blurred',
  'page_focused',
  'question_viewed',
  'question_flagged',
]);

/** Whether an event carries our numbering. */
export const isNumbered = (event) => typeof event.event_data?.tab === 'string';
