import { escapeHtml } from './escape-html.js';
import { formatElapsed } from './format-elapsed.js';
import type { TimelineModel } from './timeline-model.js';

/** The findings in words, alerts first as the review orders them, and the notes on what the log lacks. */
export function renderFindings(model: TimelineModel): string {
  const { findings, summary } = model.review;
  const items = model.badges.map(({ finding, ms, byReceived }) => {
    const when =
      ms === null
        ? 'no moment in the log'
        : `${byReceived ? 'stored by Canvas at ' : ''}${formatElapsed(ms - model.startMs)}`;
    return `<li class="qp-finding qp-finding-${finding.severity}" data-code="${escapeHtml(finding.code)}"><strong>${finding.severity === 'alert' ? 'Alert' : 'Notice'}: ${escapeHtml(finding.code)}</strong> <span class="qp-when">(${when})</span> ${escapeHtml(finding.detail)}</li>`;
  });
  const list =
    findings.length === 0
      ? '<p class="qp-no-findings">No finding: nothing in this log calls for a look.</p>'
      : `<ul class="qp-findings">${items.join('')}</ul>`;
  const notes = [...model.notes, ...summary.notes];
  const noteList =
    notes.length === 0
      ? ''
      : `<ul class="qp-notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`;
  return `<h3>Findings</h3>${list}${noteList}`;
}
