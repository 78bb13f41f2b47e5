import type { ReportAttempt } from './read-quiz-report.js';

/** The figures of one attempt as the CSV and the HTML summary table show them, in column order. */
export const REPORT_COLUMNS = [
  'submission_id',
  'user_id',
  'student',
  'attempt',
  'workflow_state',
  'started_at',
  'finished_at',
  'away_ms',
  'departures',
  'longest_departure_ms',
  'hidden_ms',
  'offline_ms',
  'copies',
  'cuts',
  'pastes',
  'questions_viewed',
  'flags',
  'page_loads',
  'second_tabs',
  'alerts',
  'notices',
] as const;

export type ReportRow = Record<(typeof REPORT_COLUMNS)[number], string | number | null>;

const codes = (attempt: ReportAttempt, severity: 'alert' | 'notice') =>
  [...new Set(attempt.review.findings.filter((f) => f.severity === severity).map((f) => f.code))].join(' ');

export function reportRow(attempt: ReportAttempt): ReportRow {
  const { submission, review } = attempt;
  const { summary } = review;
  return {
    submission_id: String(submission.id),
    user_id: submission.user_id === null ? null : String(submission.user_id),
    student: attempt.studentName,
    attempt: submission.attempt,
    workflow_state: submission.workflow_state,
    started_at: submission.started_at,
    finished_at: submission.finished_at,
    away_ms: summary.awayMs,
    departures: summary.departures,
    longest_departure_ms: summary.longestDepartureMs,
    hidden_ms: summary.hiddenMs,
    offline_ms: summary.offlineMs,
    copies: summary.copies,
    cuts: summary.cuts,
    pastes: summary.pastes,
    questions_viewed: summary.questionsViewed,
    flags: summary.flags,
    page_loads: summary.pageLoads,
    second_tabs: summary.secondTabs,
    alerts: codes(attempt, 'alert'),
    notices: codes(attempt, 'notice'),
  };
}
