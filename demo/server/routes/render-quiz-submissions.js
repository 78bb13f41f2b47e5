import { quizJson } from '../canvas/quiz-json.js';
import { quizSubmissionJson } from '../canvas/quiz-submission-json.js';
import { QUIZ_SUBMISSION_TYPE } from '../canvas/quiz-submission-service.js';
import { baseUrl } from '../http/base-url.js';
import { railsParams } from '../http/rails-params.js';

const asArray = (value) => (value == null ? [] : Array.isArray(value) ? value : [value]);

/**
 * serialize_and_render: always `{"quiz_submissions":[...]}`, even for one record. include[] =
 * user | quiz | submission adds top-level `users`, `quizzes`, `submissions` arrays and
 * `meta.primaryCollection`. (No assignment submissions exist yet, so `submissions` is [].)
 *
 * entries: [{ qs, versionNumber? }] — versionNumber defaults to the record's latest version.
 */
export function renderQuizSubmissions(request, { store, clock }, { course, quiz, entries }) {
  const base = baseUrl(request);
  const now = clock.now();
  const body = {
    quiz_submissions: entries.map(({ qs, versionNumber }) =>
      quizSubmissionJson(qs, {
        quiz,
        courseId: course.id,
        baseUrl: base,
        now,
        versionNumber: versionNumber ?? store.versions.latestNumber(QUIZ_SUBMISSION_TYPE, qs.id),
      }),
    ),
  };
  const include = asArray(railsParams(request).include).map(String);
  if (include.includes('submission')) body.submissions = [];
  if (include.includes('quiz')) {
    body.quizzes = [
      quizJson(quiz, { baseUrl: base, courseId: course.id, questions: store.quizzes.questions(quiz.id) }),
    ];
  }
  if (include.includes('user')) {
    const ids = [...new Set(entries.map(({ qs }) => qs.user_id).filter((id) => id != null))];
    body.users = ids
      .map((id) => store.users.find(id))
      .filter(Boolean)
      .map((user) => ({
        id: user.id,
        name: user.name,
        sortable_name: user.sortable_name,
        short_name: user.short_name,
      }));
  }
  if (include.length > 0) body.meta = { primaryCollection: 'quiz_submissions' };
  return body;
}
