import { serializerFor } from '../canvas/answer-serializers.js';
import { quizQuestionJson, quizSubmissionQuestionJson } from '../canvas/quiz-submission-question-json.js';
import { requireUser } from '../http/authenticate.js';
import { notFound, requestError, unauthorized } from '../http/canvas-errors.js';
import { railsParams } from '../http/rails-params.js';
import { remoteIp } from '../http/remote-ip.js';
import { rubyToI } from '../lib/ruby.js';
import { quizSubmissionRightsFor, rightsFor } from './canvas-context.js';

const BASE = '/api/v1/quiz_submissions/:quiz_submission_id/questions';
const asArray = (value) => (value == null ? [] : Array.isArray(value) ? value : [value]);

/**
 * Quizzes::QuizSubmissionQuestionsController: index, answer, flag, unflag, formatted_answer.
 * The quiz and course come from the submission (export_scopes); questions are the attempt's
 * quiz_data snapshot, so answer ids are checked against what the taker saw.
 */
export function quizSubmissionQuestionsRoutes(app, canvas) {
  const { store, clock, service, options } = canvas;

  /** require_user, require_quiz_submission (id.to_i; 404), export_scopes. */
  function context(request) {
    const user = requireUser(request);
    const params = railsParams(request);
    const qs = store.quizSubmissions.findById(rubyToI(String(params.quiz_submission_id ?? '')));
    if (!qs) throw notFound();
    const quiz = store.quizzes.findById(qs.quiz_id);
    const course = quiz && store.courses.find(quiz.course_id);
    if (!course) throw notFound();
    const rights = rightsFor(store, course, quiz, user);
    const qsRights = quizSubmissionRightsFor(rights, { user, qs, quiz, now: clock.now() });
    const participant = {
      user,
      userQuizRights: rights.userQuizRights,
      accessCode: params.access_code,
      ip: remoteIp(request),
      validationToken: params.validation_token,
    };
    return { user, params, qs, quiz, course, rights, qsRights, participant };
  }

  /** require_question: `@quiz.quiz_questions.find(id.to_i)`, then the attempt's snapshot of it. */
  function question(ctx) {
    const id = rubyToI(String(ctx.params.id ?? ''));
    if (!store.quizzes.questions(ctx.quiz.id).some((q) => q.id === id)) throw notFound();
    return (ctx.qs.quiz_data ?? []).find((q) => q.id === id) ?? null;
  }

  // Takers see censored questions; quiz editors (:update) see weights.
  const censored = (ctx) => !ctx.rights.userQuizRights.has('update');
  const rows = (ctx, questions, qs) =>
    questions.filter(Boolean).map((q) => quizSubmissionQuestionJson(q, qs, { censored: censored(ctx) }));

  app.get(BASE, async (request) => {
    const ctx = context(request);
    if (!ctx.qsRights.has('read')) throw unauthorized(options.apiAuthErrorUpdates);
    if (ctx.quiz.one_question_at_a_time === 1 && !ctx.rights.userQuizRights.has('update')) {
      throw requestError('Cannot receive one question at a time questions in the API', 401);
    }
    const questions = ctx.qs.quiz_data ?? [];
    const body = { quiz_submission_questions: rows(ctx, questions, ctx.qs) };
    if (asArray(ctx.params.include).map(String).includes('quiz_question')) {
      body.quiz_questions = questions.map((q) =>
        quizQuestionJson(q, { quizId: ctx.quiz.id, censored: censored(ctx) }),
      );
    }
    return body;
  });

  // The controller's own :update check, then each answer through its serializer (the first
  // invalid one rejects the whole request with 400 and its message), then the service.
  // Entries without an id are skipped, a missing answer is [], ids of other quizzes are ignored.
  app.post(BASE, async (request) => {
    const ctx = context(request);
    if (!ctx.qsRights.has('update')) {
      throw requestError('you are not allowed to update questions for this quiz submission', 403);
    }
    const answers = new Map();
    for (const entry of Array.isArray(ctx.params.quiz_questions) ? ctx.params.quiz_questions : []) {
      if (entry && typeof entry === 'object' && entry.id != null && String(entry.id).trim() !== '') {
        answers.set(
          rubyToI(String(entry.id)),
          entry.answer == null || entry.answer === false ? [] : entry.answer,
        );
      }
    }
    const questions = store.quizzes
      .questions(ctx.quiz.id)
      .filter((q) => answers.has(q.id))
      .sort((a, b) => a.id - b.id)
      .map((q) => (ctx.qs.quiz_data ?? []).find((snap) => snap.id === q.id) ?? { ...q, answers: q.answers });
    let record = {};
    for (const q of questions) {
      const result = serializerFor(q).serialize(q, answers.get(q.id));
      if (result.error) throw requestError(result.error, 400);
      record = { ...record, ...result.record };
    }
    const saved = service.updateQuestion(ctx.qs, ctx.quiz, ctx.participant, {
      record,
      attempt: ctx.params.attempt,
      snapshot: true,
      canUpdate: true,
    });
    return { quiz_submission_questions: rows(ctx, questions, saved) };
  });

  // Flagging writes question_<id>_marked without a snapshot: no question_answered event, and
  // Canvas records no question_flagged event server-side either (only its browser code does).
  for (const [action, flagged] of [
    ['flag', true],
    ['unflag', false],
  ]) {
    app.put(`${BASE}/:id/${action}`, async (request) => {
      const ctx = context(request);
      const q = question(ctx);
      if (!ctx.qsRights.has('update')) {
        throw requestError('you are not allowed to update questions for this quiz submission', 403);
      }
      const id = rubyToI(String(ctx.params.id));
      const saved = service.updateQuestion(ctx.qs, ctx.quiz, ctx.participant, {
        record: { [`question_${id}_marked`]: flagged },
        attempt: ctx.params.attempt,
        snapshot: false,
        canUpdate: true,
      });
      return { quiz_submission_questions: rows(ctx, [q], saved) };
    });
  }

  // Numerical questions: the number as Canvas's take page formats it (4 decimals, or 16
  // significant digits when the question has precision answers — not modelled, so 4),
  // insignificant zeros stripped; other types and non-numbers come back unchanged.
  app.get(`${BASE}/:id/formatted_answer`, async (request) => {
    const ctx = context(request);
    const q = question(ctx);
    if (!ctx.qsRights.has('read')) throw unauthorized(options.apiAuthErrorUpdates);
    const answer = ctx.params.answer;
    if (answer == null || String(answer).trim() === '') throw requestError('answer param is required', 422);
    let formatted = answer;
    if (
      q?.question_type === 'numerical_question' &&
      /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(String(answer))
    ) {
      formatted = String(Number(Number(answer).toFixed(4)));
    }
    return { formatted_answer: formatted };
  });
}
