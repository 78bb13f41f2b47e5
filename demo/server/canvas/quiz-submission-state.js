// Derived state of a quiz submission (Quizzes::QuizSubmission instance methods).
import { rubyRound } from '../lib/ruby.js';

export const isCompleted = (qs) => qs.workflow_state === 'complete' || qs.workflow_state === 'pending_review';

/** `graded?`: the grader replaces the submission_data hash with an array of graded answers. */
export const isGraded = (qs) => Array.isArray(qs.submission_data);

/**
 * `overdue_and_needs_submission?(strict)`: untaken and past end_at. Canvas's strict variant adds
 * `overdue?(true)` (end_at more than a minute ago), which is implied by the plain clause
 * `untaken? && end_at < now` whenever `timer_autosubmit_disabled` is off (it always is here),
 * so strict and non-strict coincide: overdue the instant end_at passes.
 */
export function overdueAndNeedsSubmission(qs, now) {
  return qs.workflow_state === 'untaken' && qs.end_at != null && Date.parse(qs.end_at) < now.getTime();
}

/**
 * `overdue?` (not strict): end_at passed more than 5 minutes ago — the grace within which answers
 * are still saved and a hand-in is recorded at end_at.
 */
export function isOverdue(qs, now) {
  return qs.end_at != null && Date.parse(qs.end_at) + 5 * 60_000 < now.getTime();
}

/** `time_left`: whole seconds until end_at (Ruby's round), null without one. */
export function timeLeft(qs, now) {
  return qs.end_at == null ? null : rubyRound((Date.parse(qs.end_at) - now.getTime()) / 1000);
}

/** `end_date_needs_recalculated?`: the quiz gained a time limit after this attempt started. */
export function endDateNeedsRecalculated(qs, quiz) {
  return qs.end_at == null && quiz.time_limit != null;
}

/**
 * `end_date_is_valid?` = the owner may still :submit the quiz, the attempt is not (strictly)
 * overdue, and end_at needs no recalculation. It does not look at workflow_state, so a completed
 * submission's owner may still record events; only an untaken attempt past end_at is refused.
 */
export function endDateIsValid(qs, quiz, ownerQuizRights, now) {
  return (
    ownerQuizRights.has('submit') &&
    !overdueAndNeedsSubmission(qs, now) &&
    !endDateNeedsRecalculated(qs, quiz)
  );
}

/** `attempts_left`: -1 when unlimited, else allowed - attempt + extra, never below 0. */
export function attemptsLeft(qs, quiz) {
  if (quiz.allowed_attempts < 0) return -1;
  return Math.max(0, quiz.allowed_attempts - (qs.attempt ?? 0) + (qs.extra_attempts ?? 0));
}

/** `retriable?`: previews and settings-only rows always; completed ones while attempts remain. */
export function isRetriable(qs, quiz) {
  if (qs.workflow_state === 'preview' || qs.workflow_state === 'settings_only') return true;
  return isCompleted(qs) && (attemptsLeft(qs, quiz) > 0 || quiz.allowed_attempts === -1);
}

/** `needs_grading?`: overdue and untaken, or completed but not graded. */
export function needsGrading(qs, now) {
  return overdueAndNeedsSubmission(qs, now) || (isCompleted(qs) && !isGraded(qs));
}

/** `time_spent`: (finished_at - started_at + extra_time).round, nil until finished. extra_time is
 * in minutes but Canvas adds it as seconds here; the quirk is kept. */
export function timeSpent(qs) {
  if (qs.finished_at == null || qs.started_at == null) return null;
  return Math.round((Date.parse(qs.finished_at) - Date.parse(qs.started_at)) / 1000 + (qs.extra_time ?? 0));
}
