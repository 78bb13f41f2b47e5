import { isCompleted, isOverdue, timeLeft } from '../canvas/quiz-submission-state.js';
import { baseUrl } from '../http/base-url.js';
import { unauthenticated, unauthorized } from '../http/canvas-errors.js';
import { railsParams } from '../http/rails-params.js';
import { remoteIp } from '../http/remote-ip.js';
import { ipAllowedByFilter } from '../lib/ip-filter.js';
import { rubyTruthy } from '../lib/ruby.js';
import { renderTime } from '../lib/time.js';
import { loadCourse, loadQuiz, rightsFor } from '../routes/canvas-context.js';
import { pageSession, redirectToLogin } from './page-session.js';

const SUBMISSIONS = '/courses/:course_id/quizzes/:quiz_id/submissions';

/**
 * QuizSubmission#sanitize_params: only answer entries reach submission_data — `question_<id>…`
 * (answers, `_answer_<id>` checkboxes, `_marked` flags) and `_question_<id>_read`.
 */
function answersOf(params) {
  const record = {};
  for (const [key, value] of Object.entries(params)) {
    if (/^question_\d+/.test(key) || /^_question_\d+_read$/.test(key)) record[key] = value;
  }
  return record;
}

/** Only same-origin paths: next_question_path comes from the form. */
const localPath = (value) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null;

/**
 * Quizzes::QuizSubmissionsController: create (the take form's final submit), backup (the take
 * page's periodic save) and record_answer (Next/Previous in one-question-at-a-time mode). All
 * three are exempt from Canvas's CSRF check, and none goes through QuizSubmissionService: they
 * find the submission by user (or preview code), check the form's validation_token, and work on
 * the model directly.
 */
export function quizSubmissionPageRoutes(app, canvas, { accessCodeGrants }) {
  const { store, clock, service } = canvas;

  function context(request, reply) {
    const auth = pageSession(request, reply, store);
    const params = railsParams(request);
    const course = loadCourse(store, params.course_id);
    const quiz = loadQuiz(store, course, params.quiz_id);
    const user = auth?.user ?? null;
    const rights = user ? rightsFor(store, course, quiz, user) : null;
    const canSubmit = rights?.userQuizRights.has('submit') ?? false;
    const preview = rubyTruthy(params.preview) && (rights?.userQuizRights.has('update') ?? false);
    const qs = user ? service.findOwn(quiz, user, { preview }) : null;
    // valid_token?: a blank token on the record, or the form's own. Previews skip the check.
    const tokenValid =
      preview || !qs || !qs.validation_token || qs.validation_token === params.validation_token;
    return { auth, user, params, course, quiz, rights, canSubmit, preview, qs, tokenValid };
  }

  const quizUrl = (request, ctx, preview = false) =>
    `${baseUrl(request)}/courses/${ctx.course.id}/quizzes/${ctx.quiz.id}${preview ? '?preview=1' : ''}`;

  // create: the final submit. Canvas has no require_user here: without one nothing happens but
  // the redirect. A wrong token, or an attempt other than the current one, completes nothing.
  app.post(SUBMISSIONS, async (request, reply) => {
    const ctx = context(request, reply);
    if (ctx.auth) accessCodeGrants.delete(`${ctx.auth.session.id}:${ctx.quiz.id}`);
    const ipAllowed = ipAllowedByFilter(ctx.quiz.ip_filter, remoteIp(request));
    if (ipAllowed && ctx.canSubmit && ctx.qs && ctx.tokenValid) {
      service.completeFromForm(ctx.qs, ctx.quiz, {
        attempt: ctx.params.attempt,
        record: answersOf(ctx.params),
      });
    }
    return reply.redirect(quizUrl(request, ctx, ctx.preview), 302);
  });

  /**
   * backup, shared by record_answer: authorized_action(@quiz, :submit); with a wrong token the
   * backup is 401 JSON and record_answer goes back to the quiz page. The owner of the untaken
   * attempt (or the previewer) gets the answers saved while the attempt is neither completed
   * nor overdue (end_at more than 5 minutes ago); anything else answers `backup: false`.
   */
  function backup(request, reply, { recordAnswer }) {
    const ctx = context(request, reply);
    if (!ctx.user) {
      if (recordAnswer) return redirectToLogin(request, reply);
      throw unauthenticated();
    }
    if (!ctx.canSubmit) throw unauthorized();
    if (!ctx.tokenValid) {
      if (recordAnswer) return reply.redirect(`/courses/${ctx.course.id}/quizzes/${ctx.quiz.id}`, 302);
      throw unauthorized();
    }
    const { qs } = ctx;
    const mayUpdate =
      qs != null && (ctx.preview || qs.workflow_state === 'preview' || qs.workflow_state === 'untaken');
    const now = clock.now();
    const timeJson = (record) => ({
      end_at: renderTime(record?.end_at ?? null),
      time_left: record ? timeLeft(record, now) : null,
    });
    const ipAllowed = ipAllowedByFilter(ctx.quiz.ip_filter, remoteIp(request));
    if (ipAllowed && mayUpdate && !isCompleted(qs) && !isOverdue(qs, now)) {
      const record = answersOf(ctx.params);
      if (recordAnswer) {
        const last = ctx.params.last_question_id;
        if (last != null && last !== '') record[`_question_${last}_read`] = true;
        service.backupSubmissionData(qs, record);
        const takePath = `/courses/${ctx.course.id}/quizzes/${ctx.quiz.id}/take`;
        return reply.redirect(localPath(ctx.params.next_question_path) ?? takePath, 302);
      }
      const saved = service.backupSubmissionData(qs, record);
      return { backup: true, ...timeJson(saved) };
    }
    return { backup: false, ...timeJson(qs) };
  }

  // The take page sends backups as POST with `_method=PUT` (jQuery ajaxJSON); Rails routes both.
  app.put(`${SUBMISSIONS}/backup`, async (request, reply) => backup(request, reply, { recordAnswer: false }));
  app.post(`${SUBMISSIONS}/backup`, async (request, reply) =>
    backup(request, reply, { recordAnswer: false }),
  );
  app.post(`${SUBMISSIONS}/:id/record_answer`, async (request, reply) =>
    backup(request, reply, { recordAnswer: true }),
  );
  // A GET of record_answer (a reload after the redirect was lost) goes back to the take page.
  app.get(`${SUBMISSIONS}/:id/record_answer`, async (request, reply) => {
    const ctx = context(request, reply);
    const userId = ctx.user ? `?user_id=${ctx.user.id}` : '';
    return reply.redirect(
      `${baseUrl(request)}/courses/${ctx.course.id}/quizzes/${ctx.quiz.id}/take${userId}`,
      302,
    );
  });
}
