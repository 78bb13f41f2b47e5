import type { ReportAttempt } from './read-quiz-report.js';
import { REPORT_COLUMNS, reportRow } from './report-rows.js';

// A cell a spreadsheet would run as a formula (a student's name may start with "="): quoted as text.
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One header line and one line per attempt (RFC 4180: CRLF line ends, quoted where needed). */
export function writeCsv(attempts: readonly ReportAttempt[]): string {
  const lines = [REPORT_COLUMNS.join(',')];
  for (const attempt of attempts) {
    const row = reportRow(attempt);
    lines.push(REPORT_COLUMNS.map((column) => cell(row[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
