import { escapeHtml } from '../review/timeline/escape-html.js';
import type { ReportAttempt } from './read-quiz-report.js';
import { REPORT_COLUMNS, reportRow } from './report-rows.js';
import type { ReportSource } from './write-json.js';

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; }
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; }
td.alert { font-weight: bold; }
section.attempt { break-before: page; margin-top: 2rem; }
@media print { body { margin: 0; } }
`;

/** How one attempt is drawn in the report (the timeline of quiz-proctor/review). */
export type RenderAttempt = (attempt: ReportAttempt, title: string) => string;

/** A summary table of every attempt first (alerts marked), then one section per attempt. */
export function writeHtml(
  source: ReportSource,
  attempts: readonly ReportAttempt[],
  renderAttempt: RenderAttempt,
): string {
  const title = `Quiz ${source.quizId}, course ${source.courseId}: proctoring report`;
  const head = REPORT_COLUMNS.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const rows = attempts.map((attempt) => {
    const row = reportRow(attempt);
    const cells = REPORT_COLUMNS.map((column) => {
      const cls = column === 'alerts' && row.alerts !== '' ? ' class="alert"' : '';
      return `<td${cls}>${escapeHtml(String(row[column] ?? ''))}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const sections = attempts.map((attempt) => {
    const who = attempt.studentName ?? `user ${String(attempt.submission.user_id)}`;
    const heading = `${who}, attempt ${String(attempt.submission.attempt)} (${attempt.submission.workflow_state})`;
    return `<section class="attempt"><h2>${escapeHtml(heading)}</h2>${renderAttempt(attempt, heading)}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(source.baseUrl)}, read ${escapeHtml(source.generatedAt)}: ${String(attempts.length)} attempts.</p>
<table><thead><tr>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${sections.join('\n')}
</body></html>
`;
}
