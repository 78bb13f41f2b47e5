import { dbTime } from '../lib/time.js';

/**
 * Quiz#build_submission_end_at: started_at + time_limit + extra_time (minutes). Graders taking
 * the quiz get just that; everyone else is also capped by the quiz's lock_at (unless the
 * submission was manually unlocked). No time limit and no lock_at means no end_at.
 */
export function buildSubmissionEndAt(quiz, qs, { isGrader }) {
  let endMs = null;
  if (quiz.time_limit != null) endMs = Date.parse(qs.started_at) + quiz.time_limit * 60_000;
  if (endMs !== null && qs.extra_time) endMs += qs.extra_time * 60_000;
  if (isGrader) return endMs === null ? null : dbTime(new Date(endMs));
  if (quiz.lock_at != null && !qs.manually_unlocked) {
    const lockMs = Date.parse(quiz.lock_at);
    if (endMs === null || lockMs < endMs) endMs = lockMs;
  }
  return endMs === null ? null : dbTime(new Date(endMs));
}
