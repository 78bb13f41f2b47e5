import { escapeHtml } from './escape-html.js';
import type { ReportAttempt } from './read-quiz-report.js';

const seconds = (ms: number | null) => (ms === null ? 'unknown' : `${String(Math.round(ms / 1000))} s`);

/** An attempt's totals and findings in words, as HTML. */
export function describeAttempt({ review }: ReportAttempt): string {
  const { summary, findings } = review;
  const totals = [
    `away ${seconds(summary.awayMs)} over ${String(summary.departures)} departures (longest ${seconds(summary.longestDepartureMs)})`,
    `hidden ${seconds(summary.hiddenMs)}`,
    `offline ${seconds(summary.offlineMs)}`,
    `${String(summary.copies)} copies, ${String(summary.cuts)} cuts, ${String(summary.pastes)} pastes`,
    `${String(summary.questionsViewed)} questions viewed, ${String(summary.flags)} flags`,
    `${String(summary.pageLoads)} page loads, ${String(summary.secondTabs)} second tabs`,
  ];
  const found = findings.map(
    (finding) =>
      `<li><strong>${escapeHtml(finding.severity)}: ${escapeHtml(finding.code)}</strong> ${escapeHtml(finding.detail)}</li>`,
  );
  const notes = summary.notes.map((note) => `<li>${escapeHtml(note)}</li>`);
  return `<p>${totals.map(escapeHtml).join('; ')}.</p>
<ul>${found.length > 0 ? found.join('') : '<li>No findings.</li>'}</ul>${notes.length > 0 ? `<ul class="notes">${notes.join('')}</ul>` : ''}`;
}
