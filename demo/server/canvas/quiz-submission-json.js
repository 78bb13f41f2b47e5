import { renderTime } from '../lib/time.js';
import {
  attemptsLeft,
  isCompleted,
  needsGrading,
  overdueAndNeedsSubmission,
  timeSpent,
} from './quiz-submission-state.js';

/**
 * Api::V1::QuizSubmission#quiz_submission_json: QUIZ_SUBMISSION_JSON_FIELDS, the
 * QUIZ_SUBMISSION_JSON_FIELD_METHODS (time_spent, attempts_left, overdue_and_needs_submission,
 * "excused?"), html_url, and result_url only when completed or needing grading.
 * "excused?" delegates to the assignment submission, which the emulator does not have yet: null.
 */
export function quizSubmissionJson(qs, { quiz, courseId, baseUrl, now, versionNumber }) {
  const htmlUrl = `${baseUrl}/courses/${courseId}/quizzes/${quiz.id}/submissions/${qs.id}`;
  const json = {
    id: qs.id,
    user_id: qs.user_id,
    submission_id: qs.submission_id ?? null,
    quiz_id: qs.quiz_id,
    quiz_points_possible: qs.quiz_points_possible,
    quiz_version: qs.quiz_version,
    attempt: qs.attempt,
    extra_attempts: qs.extra_attempts,
    extra_time: qs.extra_time,
    manually_unlocked: qs.manually_unlocked,
    started_at: renderTime(qs.started_at),
    finished_at: renderTime(qs.finished_at),
    end_at: renderTime(qs.end_at),
    fudge_points: qs.fudge_points,
    kept_score: qs.kept_score,
    score: qs.score,
    score_before_regrade: qs.score_before_regrade,
    has_seen_results: qs.has_seen_results,
    validation_token: qs.validation_token,
    workflow_state: qs.workflow_state,
    time_spent: timeSpent(qs),
    attempts_left: attemptsLeft(qs, quiz),
    overdue_and_needs_submission: overdueAndNeedsSubmission(qs, now),
    'excused?': null,
    html_url: htmlUrl,
  };
  if (isCompleted(qs) || needsGrading(qs, now)) {
    json.result_url = `${baseUrl}/courses/${courseId}/quizzes/${quiz.id}/history?quiz_submission_id=${qs.id}&version=${versionNumber}`;
  }
  return json;
}
