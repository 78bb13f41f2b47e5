import { preflight } from '../canvas/file-uploads.js';
import { isLockedForUser } from '../canvas/quiz-locks.js';
import { timeLeft } from '../canvas/quiz-submission-state.js';
import { requireUser } from '../http/authenticate.js';
import { baseUrl } from '../http/base-url.js';
import { notFound, requestError, unauthorized } from '../http/canvas-errors.js';
import { paginate } from '../http/paginate.js';
import { railsParams } from '../http/rails-params.js';
import { remoteIp } from '../http/remote-ip.js';
import { rubyToI, rubyTruthy } from '../lib/ruby.js';
import { renderTime } from '../lib/time.js';
import {
  loadCourse,
  loadQuiz,
  loadQuizSubmission,
  quizSubmissionRightsFor,
  rightsFor,
} from './canvas-context.js';
import { renderQuizSubmissions } from './render-quiz-submissions.js';

const COLLECTION = '/api/v1/courses/:course_id/quizzes/:quiz_id/submissions';

/**
 * Quizzes::QuizSubmissionsApiController: index, submission, show, create, update (teacher
 * scoring), complete, time; and the quiz-submission file preflight (upload step 1).
 */
export function quizSubmissionsRoutes(app, canvas) {
  const { store, clock, service, options } = canvas;
  const deny = () => unauthorized(options.apiAuthErrorUpdates);
  // The submission named in the URL, once authorized_action(right) on it passed.
  const authorizedSubmission = (ctx, right) => {
    const qs = loadQuizSubmission(store, ctx.quiz, ctx.params.id, ctx.user);
    const now = clock.now();
    const qsRights = quizSubmissionRightsFor(ctx.rights, { user: ctx.user, qs, quiz: ctx.quiz, now });
    if (!qsRights.has(right)) throw deny();
    return { qs, now };
  };

  /** The before_actions shared by every action: require_user, require_context, require_quiz. */
  function context(request) {
    const user = requireUser(request);
    const params = railsParams(request);
    const course = loadCourse(store, params.course_id);
    const quiz = loadQuiz(store, course, params.quiz_id);
    return { user, params, course, quiz, rights: rightsFor(store, course, quiz, user) };
  }

  function participant(request, { user, params, rights }) {
    return {
      user,
      userQuizRights: rights.userQuizRights,
      accessCode: params.access_code,
      ip: remoteIp(request),
      validationToken: params.validation_token,
    };
  }

  const render = (request, course, quiz, entries) =>
    renderQuizSubmissions(request, canvas, { course, quiz, entries });

  // Teachers/TAs: every student's submission, paginated. Students (:submit): their in-progress
  // submission alone, or else every finished attempt. Anyone else: unauthorized.
  app.get(COLLECTION, async (request, reply) => {
    const { user, course, quiz, rights } = context(request);
    if (rights.userCourseRights.has('manage_grades') || rights.userCourseRights.has('view_all_grades')) {
      const studentIds = store.courses.studentIds(course.id);
      const rows = paginate(
        request,
        reply,
        `${baseUrl(request)}/api/v1/courses/${course.id}/quizzes/${quiz.id}/submissions`,
        (limit, offset) => store.quizSubmissions.pageForUsers(quiz.id, studentIds, limit, offset),
      );
      return render(
        request,
        course,
        quiz,
        rows.map((qs) => ({ qs })),
      );
    }
    if (!rights.userQuizRights.has('submit')) throw deny();
    const qs = store.quizSubmissions.findForUser(quiz.id, user.id);
    let entries = [];
    if (qs && qs.workflow_state === 'untaken') entries = [{ qs }];
    else if (qs)
      entries = store.versions
        .quizSubmissionAttempts(qs.id)
        .map(({ number, model }) => ({ qs: model, versionNumber: number }));
    return render(request, course, quiz, entries);
  });

  // The current user's submission for this quiz, or [] (teachers included: their previews have
  // no user_id). Users who cannot :submit are unauthorized.
  app.get('/api/v1/courses/:course_id/quizzes/:quiz_id/submission', async (request) => {
    const { user, course, quiz, rights } = context(request);
    if (!rights.userQuizRights.has('submit')) throw deny();
    const qs = store.quizSubmissions.findForUser(quiz.id, user.id);
    return render(request, course, quiz, qs ? [{ qs }] : []);
  });

  // :read (owner, graders, observers of the owner); ?attempt=N shows that attempt's version.
  app.get(`${COLLECTION}/:id`, async (request) => {
    const ctx = context(request);
    const { qs } = authorizedSubmission(ctx, 'read');
    if (Object.hasOwn(ctx.params, 'attempt')) {
      const version = store.versions.quizSubmissionAttempt(qs.id, rubyToI(String(ctx.params.attempt ?? '')));
      if (!version) throw notFound();
      return render(request, ctx.course, ctx.quiz, [{ qs: version.model, versionNumber: version.number }]);
    }
    return render(request, ctx.course, ctx.quiz, [{ qs }]);
  });

  // Start an attempt. `previewing? = !!params[:preview]`: any value present counts, including
  // the form string "false" or ""; JSON false and null do not.
  app.post(COLLECTION, async (request) => {
    const ctx = context(request);
    let qs;
    if (rubyTruthy(ctx.params.preview)) {
      qs = service.createPreview(ctx.quiz, participant(request, ctx));
    } else {
      if (isLockedForUser(ctx.quiz, ctx.rights.userQuizRights, clock.now())) {
        throw requestError('you are not allowed to participate in this quiz', 400);
      }
      qs = service.create(ctx.quiz, participant(request, ctx));
    }
    return render(request, ctx.course, ctx.quiz, [{ qs }]);
  });

  // Turn in. All checks live in the service (Canvas's order); no authorized_action here.
  app.post(`${COLLECTION}/:id/complete`, async (request) => {
    const ctx = context(request);
    const qs = loadQuizSubmission(store, ctx.quiz, ctx.params.id, ctx.user);
    const completed = service.complete(qs, ctx.quiz, participant(request, ctx), ctx.params.attempt);
    return render(request, ctx.course, ctx.quiz, [{ qs: completed }]);
  });

  // {end_at, time_left}. Canvas guards it with :record_events, so only the owner, and only
  // while end_date_is_valid?: once an untaken attempt is past end_at even the owner is refused.
  app.get(`${COLLECTION}/:id/time`, async (request) => {
    const ctx = context(request);
    const { qs, now } = authorizedSubmission(ctx, 'record_events');
    return {
      end_at: renderTime(qs.end_at),
      time_left: timeLeft(qs, now),
    };
  });

  // Teacher scoring: authorized_action(:update_scores) (users who manage grades), then
  // `quiz_submissions` must be an array (else 400 "missing quiz_submissions" — UNVERIFIED
  // wording), then the service with the first entry's attempt, fudge_points and questions.
  app.put(`${COLLECTION}/:id`, async (request) => {
    const ctx = context(request);
    const { qs } = authorizedSubmission(ctx, 'update_scores');
    const entries = ctx.params.quiz_submissions;
    if (!Array.isArray(entries) || entries.length === 0 || typeof entries[0] !== 'object') {
      throw requestError('missing quiz_submissions', 400);
    }
    const saved = service.updateScores(qs, ctx.quiz, {
      canUpdateScores: true,
      attempt: entries[0].attempt,
      scoringData: entries[0],
    });
    return render(request, ctx.course, ctx.quiz, [{ qs: saved }]);
  });

  // Upload step 1 for a file-upload question: the current user's own files (Canvas's
  // QuizSubmissionFilesController, which only knows `self`); needs :submit on the quiz.
  app.post(`${COLLECTION}/self/files`, async (request) => {
    const { user, params, rights } = context(request);
    if (!rights.userQuizRights.has('submit')) throw deny();
    return preflight(store, baseUrl(request), {
      user,
      contextType: 'User',
      contextId: user.id,
      params,
      purpose: 'quiz_submission',
      folderPath: 'quiz files',
    });
  });
}
