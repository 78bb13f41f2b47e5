import { baseUrl } from '../http/base-url.js';
import { unauthorized } from '../http/canvas-errors.js';
import { railsParams } from '../http/rails-params.js';
import {
  loadCourse,
  loadQuiz,
  loadQuizSubmission,
  quizSubmissionRightsFor,
  rightsFor,
} from '../routes/canvas-context.js';
import { commonEnv } from './js-env.js';
import { pageSession, redirectToLogin } from './page-session.js';
import { sendCanvasPage } from './send-canvas-page.js';

/**
 * Quizzes::QuizSubmissionEventsController#index — the teacher's quiz log page (canvas-pages.md
 * §4): `:read` on the submission (its owner holds it too, though the events API then refuses
 * the owner), the course's quiz_log_auditing feature (off: back to the quiz history), and the
 * lowercase ENV URLs Canvas's React log app starts from. The app owns div#content.
 */
export function quizSubmissionEventsPageRoutes(app, canvas, { settings }) {
  const { store, clock } = canvas;

  async function log(request, reply) {
    const auth = pageSession(request, reply, store);
    if (!auth) return redirectToLogin(request, reply);
    const params = railsParams(request);
    const course = loadCourse(store, params.course_id);
    const quiz = loadQuiz(store, course, params.quiz_id);
    const qs = loadQuizSubmission(store, quiz, params.id, auth.user);
    const rights = rightsFor(store, course, quiz, auth.user);
    const qsRights = quizSubmissionRightsFor(rights, { user: auth.user, qs, quiz, now: clock.now() });
    if (!qsRights.has('read')) throw unauthorized();
    const base = baseUrl(request);
    if (course.quiz_log_auditing !== 1) {
      return reply.redirect(
        `${base}/courses/${course.id}/quizzes/${quiz.id}/history?user_id=${qs.user_id ?? ''}`,
        302,
      );
    }
    const api = `${base}/api/v1/courses/${course.id}/quizzes/${quiz.id}`;
    return sendCanvasPage(request, reply, settings, {
      title: `Log: ${quiz.title}`,
      contextAssetString: `course_${course.id}`,
      env: {
        ...commonEnv(request, { store, user: auth.user, course, userCourseRights: rights.userCourseRights }),
        quiz_url: api,
        questions_url: `${api}/questions?quiz_submission_id=${qs.id}&quiz_submission_attempt=${qs.attempt}`,
        submission_url: `${api}/submissions/${qs.id}`,
        events_url: `${api}/submissions/${qs.id}/events`,
        can_view_answer_audits: rights.userCourseRights.has('manage_grades'),
      },
      bundles: ['quiz_log_auditing'],
      content: '',
    });
  }

  // The React app's own routes live under …/log (`/`, `/questions/:id`, `/answer_matrix`).
  app.get('/courses/:course_id/quizzes/:quiz_id/submissions/:id/log', log);
  app.get('/courses/:course_id/quizzes/:quiz_id/submissions/:id/log/*', log);
}
