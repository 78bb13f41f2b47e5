import type { AnalyzeAttemptInput } from '../analyze-attempt-input.js';
import { buildTimeline } from './build-timeline.js';
import { escapeHtml } from './escape-html.js';
import { formatDuration } from './format-duration.js';
import { renderEventsTable } from './render-events-table.js';
import { renderFindings } from './render-findings.js';
import { renderSvg } from './render-svg.js';
import { renderTotals } from './render-totals.js';
import type { TimelineModel } from './timeline-model.js';
import { TIMELINE_STYLE } from './timeline-style.js';

// Ids (patterns, the filter, the details region) must not clash between two attempts on one page.
const idPrefixOf = (title: string, startMs: number): string =>
  `qp-${title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40)}-${startMs.toString(36)}`;

/**
 * Draws one attempt as HTML: its totals and findings in words, a timeline with a lane each for
 * focus (away stretches shaded, with their lengths), visibility, network, fullscreen, actions
 * (clipboard, context menu, print, shortcuts, resizes) and every question (viewed, answered,
 * flagged), the findings as badges at their moment, and the raw events, newest last. Pure: no DOM,
 * the same string for the same input, in Node as in a browser (a report can be written to a file).
 * Every text the log carries is escaped. Events without `client_timestamp` (real Canvas) are placed
 * by `created_at`, and the view says so. `mountTimeline` adds the interaction.
 *
 * @throws {ReviewInputError} as `analyzeAttempt` does, on an input of the wrong shape.
 * @example
 * ```ts
 * import { renderTimeline } from 'quiz-proctor/review';
 *
 * await writeFile('attempt.html', `<!doctype html><meta charset="utf-8">${renderTimeline({ events, submission })}`);
 * ```
 */
export function renderTimeline(input: AnalyzeAttemptInput & { title?: string }): string {
  return renderModel(buildTimeline(input), true);
}

/**
 * The view of a built timeline: whole (a report), or for mountTimeline, which fills the events
 * list's rows and brings the styles itself (no inline style: a page's CSP may refuse it).
 */
export function renderModel(model: TimelineModel, whole: boolean): string {
  const idPrefix = idPrefixOf(model.title, model.startMs);
  const from = new Date(model.startMs).toISOString();
  const span = `${from}, ${formatDuration(model.endMs - model.startMs)} drawn; times below are since then.`;
  return `<section class="qp-review" data-quiz-proctor-review data-id-prefix="${escapeHtml(idPrefix)}">${whole ? `<style>${TIMELINE_STYLE}</style>` : ''}<h2>${escapeHtml(model.title)}</h2><p class="qp-span-of">${span}</p>${renderTotals(model.review.summary)}${renderFindings(model)}<h3>Timeline</h3>${renderSvg(model, idPrefix)}<div class="qp-details" id="${escapeHtml(idPrefix)}-details" role="status" aria-live="polite">Point at a mark, or focus one (Tab, then the arrow keys), to see its event.</div>${renderEventsTable(model, idPrefix, whole)}</section>`;
}
