import { quizJson } from '../canvas/quiz-json.js';
import { isLockedForUser } from '../canvas/quiz-locks.js';
import { baseUrl } from '../http/base-url.js';
import { commonEnv } from './js-env.js';

/**
 * The ENV of the quiz page and the take page (Quizzes::QuizzesController#show): every-page keys,
 * the quiz's keys, and — once the user has a submission — UPLOAD_URL, SUBMISSION_VERSIONS_URL
 * and the absolute QUIZ_SUBMISSION_EVENTS_URL, which is never set for a preview (whose events
 * Canvas's API would refuse). The take page adds IS_PREVIEW for previews.
 */
export function quizPageEnv(request, { store, clock, user, course, quiz, rights, qs }) {
  const base = baseUrl(request);
  const quizUrl = `/courses/${course.id}/quizzes/${quiz.id}`;
  const env = {
    ...commonEnv(request, { store, user, course, userCourseRights: rights.userCourseRights }),
    QUIZZES_URL: `${base}/courses/${course.id}/quizzes`,
    IS_SURVEY: quiz.quiz_type === 'survey' || quiz.quiz_type === 'graded_survey',
    QUIZ: quizJson(quiz, {
      baseUrl: base,
      courseId: course.id,
      questions: store.quizzes.questions(quiz.id),
      canManage: rights.userQuizRights.has('manage'),
      lockedForUser: isLockedForUser(quiz, rights.userQuizRights, clock.now()),
    }),
    COURSE_ID: course.id,
    LOCKDOWN_BROWSER: false,
    ATTACHMENTS: {},
    CONTEXT_ACTION_SOURCE: 'quizzes',
    QUIZ_DETAILS_URL: `${base}${quizUrl}/managed_quiz_data`,
    MAX_GROUP_CONVERSATION_SIZE: 100,
    SUBMISSION_DOWNLOAD_DIALOG_TITLE: 'Download All Quiz File Upload Submissions',
  };
  if (qs) {
    env.UPLOAD_URL = `/api/v1${quizUrl}/submissions/self/files`;
    env.SUBMISSION_VERSIONS_URL = `${base}${quizUrl}/submission_versions`;
    if (qs.workflow_state !== 'preview') {
      env.QUIZ_SUBMISSION_EVENTS_URL = `${base}/api/v1${quizUrl}/submissions/${qs.id}/events`;
    }
  }
  return env;
}
