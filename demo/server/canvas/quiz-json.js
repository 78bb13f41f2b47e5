import { renderTime } from '../lib/time.js';

/**
 * Api::V1::Quiz#quiz_json, reduced to the settings the emulator models. `access_code` and
 * `ip_filter` are rendered only for users who manage the quiz, as Canvas does.
 * options: { baseUrl, courseId, questions (the quiz's active questions), canManage, lockedForUser }.
 */
export function quizJson(quiz, { baseUrl, courseId, questions, canManage = false, lockedForUser = false }) {
  const htmlUrl = `${baseUrl}/courses/${courseId}/quizzes/${quiz.id}`;
  const json = {
    id: quiz.id,
    title: quiz.title,
    html_url: htmlUrl,
    mobile_url: `${htmlUrl}?force_user=1&persist_headless=1`,
    description: quiz.description,
    quiz_type: quiz.quiz_type,
    assignment_id: quiz.assignment_id,
    time_limit: quiz.time_limit,
    shuffle_answers: quiz.shuffle_answers === 1,
    hide_results: null,
    show_correct_answers: true,
    scoring_policy: quiz.scoring_policy,
    allowed_attempts: quiz.allowed_attempts,
    one_question_at_a_time: quiz.one_question_at_a_time === 1,
    cant_go_back: quiz.cant_go_back === 1,
    question_count: questions.length,
    points_possible: questions.reduce((sum, q) => sum + q.points_possible, 0),
    due_at: renderTime(quiz.due_at),
    lock_at: renderTime(quiz.lock_at),
    unlock_at: renderTime(quiz.unlock_at),
    published: quiz.published === 1,
    locked_for_user: lockedForUser,
    version_number: quiz.version_number,
    question_types: [...new Set(questions.map((q) => q.question_type))],
    anonymous_submissions: false,
  };
  if (canManage) {
    json.access_code = quiz.access_code;
    json.ip_filter = quiz.ip_filter;
  }
  return json;
}
