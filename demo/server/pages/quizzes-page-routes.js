import { isLockedForUser } from '../canvas/quiz-locks.js';
import { overdueAndNeedsSubmission } from '../canvas/quiz-submission-state.js';
import { baseUrl } from '../http/base-url.js';
import { unauthorized } from '../http/canvas-errors.js';
import { railsParams } from '../http/rails-params.js';
import { remoteIp } from '../http/remote-ip.js';
import { ipAllowedByFilter } from '../lib/ip-filter.js';
import { rubyTruthy } from '../lib/ruby.js';
import { loadCourse, loadQuiz, rightsFor } from '../routes/canvas-context.js';
import { authenticityTokenValid, pageSession, redirectToLogin } from './page-session.js';
import { quizPageEnv } from './quiz-page-env.js';
import { renderAccessCode } from './render-access-code.js';
import { NOTICES, renderNotice } from './render-notice.js';
import { renderQuizShow } from './render-quiz-show.js';
import { renderTakeQuiz } from './render-take-quiz.js';
import { sendCanvasPage } from './send-canvas-page.js';
import { createTakeQuizPresenter } from './take-quiz-presenter.js';

const QUIZ = '/courses/:course_id/quizzes/:quiz_id';

/**
 * Quizzes::QuizzesController#show, with and without `take`: the quiz page, the take page
 * (…/take and …/take/questions/:question_id) and start_quiz! (POST …/take).
 *
 * `accessCodeGrants` holds what Canvas keeps in the Rails session once the right access code
 * was given (`<session>:<quiz>`); the final submit forgets it.
 */
export function quizzesPageRoutes(app, canvas, { settings, accessCodeGrants }) {
  const { store, clock, service } = canvas;

  /** require_user, require_context, require_quiz, authorized_action(@quiz, :read). */
  function context(request, reply) {
    const auth = pageSession(request, reply, store);
    if (!auth) return null;
    const params = railsParams(request);
    const course = loadCourse(store, params.course_id);
    const quiz = loadQuiz(store, course, params.quiz_id);
    const rights = rightsFor(store, course, quiz, auth.user);
    if (!rights.userQuizRights.has('read')) throw unauthorized();
    // is_previewing?: a `preview` param, from someone who may edit the quiz.
    const preview = rubyTruthy(params.preview) && rights.userQuizRights.has('update');
    return { ...auth, params, course, quiz, rights, preview, grantKey: `${auth.session.id}:${quiz.id}` };
  }

  /**
   * get_submission (previews are keyed by temporary_user_code), then the outstanding-attempt
   * grading the quiz page does first: an attempt left untaken past end_at is handed in.
   */
  function submissionOf(ctx) {
    const qs = service.findOwn(ctx.quiz, ctx.user, { preview: ctx.preview });
    if (qs && overdueAndNeedsSubmission(qs, clock.now())) {
      return { qs: service.gradeOutstanding(qs, ctx.quiz), justGraded: true };
    }
    return { qs, justGraded: false };
  }

  const env = (request, ctx, qs) => quizPageEnv(request, { store, clock, ...ctx, qs });
  const titled = (ctx) => `${ctx.quiz.title}: ${ctx.course.name}`;
  const locked = (ctx) =>
    isLockedForUser(ctx.quiz, ctx.rights.userQuizRights, clock.now()) &&
    !ctx.rights.userQuizRights.has('update');
  // QuizEligibility's other refusals (course or section dates, inactive enrollment): the
  // emulator's `locked` flag stands for them; quiz managers are always eligible.
  const ineligible = (ctx) => ctx.quiz.locked === 1 && !ctx.rights.userQuizRights.has('manage');

  function sendShow(request, reply, ctx, qs) {
    return sendCanvasPage(request, reply, settings, {
      title: titled(ctx),
      contextAssetString: `course_${ctx.course.id}`,
      env: env(request, ctx, qs),
      bundles: ['quiz_show'],
      content: renderQuizShow({
        quiz: ctx.quiz,
        course: ctx.course,
        user: ctx.user,
        qs: ctx.preview ? null : qs,
        canTake: ctx.rights.userQuizRights.has('submit') && !locked(ctx) && !ineligible(ctx),
        canPreview: ctx.rights.userQuizRights.has('update'),
        csrfToken: ctx.csrfToken(),
        questions: store.quizzes.questions(ctx.quiz.id),
      }),
    });
  }

  const sendNotice = (request, reply, ctx, notice, status = 200) =>
    sendCanvasPage(request, reply, settings, {
      status,
      title: notice.title,
      contextAssetString: `course_${ctx.course.id}`,
      env: env(request, ctx, null),
      content: renderNotice(notice),
    });

  /**
   * can_take_quiz?: false means the quiz page is shown instead (locked); a missing :submit is a
   * 401 page; the access code (remembered for the session once given) and the IP filter have
   * pages of their own. Returns a sent reply, or null when the user may take the quiz.
   */
  function refuseTaking(request, reply, ctx, qs) {
    const { quiz, params } = ctx;
    if (locked(ctx)) return sendShow(request, reply, ctx, qs);
    if (!ctx.rights.userQuizRights.has('submit')) throw unauthorized();
    if (quiz.access_code && params.access_code === quiz.access_code) accessCodeGrants.add(ctx.grantKey);
    if (quiz.access_code && !accessCodeGrants.has(ctx.grantKey)) {
      return sendCanvasPage(request, reply, settings, {
        title: titled(ctx),
        contextAssetString: `course_${ctx.course.id}`,
        env: env(request, ctx, qs),
        content: renderAccessCode({
          quiz,
          course: ctx.course,
          csrfToken: ctx.csrfToken(),
          preview: ctx.preview,
        }),
      });
    }
    if (!ipAllowedByFilter(quiz.ip_filter, remoteIp(request)))
      return sendNotice(request, reply, ctx, NOTICES.invalidIp);
    if (ineligible(ctx)) return sendShow(request, reply, ctx, qs);
    return null;
  }

  function sendTake(request, reply, ctx, qs) {
    const questionId = ctx.params.question_id;
    const presenter = createTakeQuizPresenter({ ...ctx, qs, questionId });
    const { content, rightSide } = renderTakeQuiz({
      presenter,
      quiz: ctx.quiz,
      qs,
      course: ctx.course,
      csrfToken: ctx.csrfToken(),
      now: clock.now(),
      preview: ctx.preview,
    });
    const pageEnv = env(request, ctx, qs);
    if (qs.workflow_state === 'preview') pageEnv.IS_PREVIEW = true;
    return sendCanvasPage(request, reply, settings, {
      title: titled(ctx),
      contextAssetString: `course_${ctx.course.id}`,
      bodyClasses: ['assessing'],
      env: pageEnv,
      bundles: ['take_quiz'],
      content,
      rightSide,
    });
  }

  const quizUrl = (request, ctx) => `${baseUrl(request)}/courses/${ctx.course.id}/quizzes/${ctx.quiz.id}`;

  app.get(QUIZ, async (request, reply) => {
    const ctx = context(request, reply);
    if (!ctx) return redirectToLogin(request, reply);
    return sendShow(request, reply, ctx, submissionOf(ctx).qs);
  });

  // start_quiz!: generate (or resume) the attempt, then redirect to the take page so a reload
  // does not post again; `?preview=` is carried over as given.
  app.post(`${QUIZ}/take`, async (request, reply) => {
    const ctx = context(request, reply);
    if (!ctx) return redirectToLogin(request, reply);
    if (!authenticityTokenValid(request, ctx.session))
      return sendNotice(request, reply, ctx, NOTICES[422], 422);
    const { qs, justGraded } = submissionOf(ctx);
    const refused = refuseTaking(request, reply, ctx, qs);
    if (refused) return refused;
    const active = justGraded
      ? null
      : service.startQuiz(ctx.quiz, {
          user: ctx.user,
          userQuizRights: ctx.rights.userQuizRights,
          preview: ctx.preview,
        });
    if (!active) return reply.redirect(quizUrl(request, ctx), 302);
    const preview =
      ctx.params.preview == null ? '' : `?preview=${encodeURIComponent(String(ctx.params.preview))}`;
    return reply.redirect(`${quizUrl(request, ctx)}/take${preview}`, 302);
  });

  // take_quiz. Without an active attempt Canvas's action falls through to the quiz page's own
  // view, rendered at this URL; a question the attempt does not have redirects to the quiz page.
  async function take(request, reply) {
    const ctx = context(request, reply);
    if (!ctx) return redirectToLogin(request, reply);
    const { qs, justGraded } = submissionOf(ctx);
    const refused = refuseTaking(request, reply, ctx, qs);
    if (refused) return refused;
    const active = qs && !justGraded && (qs.workflow_state === 'untaken' || qs.workflow_state === 'preview');
    if (!active) return sendShow(request, reply, ctx, qs);
    const questionId = ctx.params.question_id;
    if (questionId !== undefined && !(qs.quiz_data ?? []).some((q) => String(q.id) === String(questionId))) {
      return reply.redirect(quizUrl(request, ctx), 302);
    }
    return sendTake(request, reply, ctx, qs);
  }
  app.get(`${QUIZ}/take`, take);
  app.get(`${QUIZ}/take/questions/:question_id`, take);
}
