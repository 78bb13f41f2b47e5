import { randomBytes } from 'node:crypto';
import { rubyInteger, rubyToF, rubyToI } from '../lib/ruby.js';
import { dbTime } from '../lib/time.js';
import { requestError } from '../http/canvas-errors.js';
import { buildQuizData } from './quiz-data.js';
import { declinedReason } from './quiz-eligibility.js';
import { buildQuestionAnsweredEvent } from './question-answered-event.js';
import { attemptsLeft, isCompleted, isOverdue, isRetriable } from './quiz-submission-state.js';
import { gradeSubmission } from './submission-grader.js';
import { buildSubmissionEndAt } from './submission-end-at.js';

export const QUIZ_SUBMISSION_TYPE = 'Quizzes::QuizSubmission';

/** A preview's temporary_user_code (Canvas derives one per previewing user). */
const previewUserCode = (user) => `user_${user.id}`;

/**
 * Quizzes::QuizSubmissionService plus the model work it triggers (Quiz#generate_submission,
 * QuizSubmission#complete!). Error texts, statuses and the order of checks are Canvas's.
 *
 * `participant` = { user, userQuizRights, accessCode, ip, validationToken } (QuizParticipant).
 */
export function createQuizSubmissionService({ store, clock }) {
  const now = () => clock.now();

  /** Versioned save (simply_versioned `with_versioning(true) { save! }`); returns the saved row. */
  function saveWithVersion(qs) {
    const saved = store.quizSubmissions.save(qs);
    store.versions.record(QUIZ_SUBMISSION_TYPE, saved.id, saved);
    return saved;
  }

  function keptScore(qs, quiz) {
    const scores = new Map(
      store.versions.quizSubmissionAttempts(qs.id).map(({ model }) => [model.attempt, model.score ?? 0]),
    );
    if (qs.score != null) scores.set(qs.attempt, qs.score);
    const values = [...scores.values()];
    if (values.length === 0) return null;
    if (quiz.scoring_policy === 'keep_highest') return Math.max(...values);
    if (quiz.scoring_policy === 'keep_average') {
      return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
    }
    return qs.score;
  }

  /** QuizSubmissionService#assert_takeability!. */
  function assertTakeability(quiz, participant) {
    if (quiz.cant_go_back === 1) throw requestError('that type of quizzes is not supported yet', 501);
    const reason = declinedReason({
      quiz,
      userQuizRights: participant.userQuizRights,
      accessCode: participant.accessCode,
      ip: participant.ip,
      now: now(),
    });
    if (reason === 'access_code') throw requestError('invalid access code', 403);
    if (reason === 'invalid_ip') throw requestError('IP address denied', 403);
    if (reason === 'locked') throw requestError('quiz is locked', 400);
  }

  /**
   * Quiz#generate_submission: finds or creates the participant's row (same id and
   * validation_token on every attempt: the token is assigned only when the row is created),
   * bumps the attempt, restarts the clock and records `submission_created` (not for previews).
   */
  function generateSubmission(quiz, { user, preview, isGrader }) {
    return store.transaction(() => {
      const code = preview ? previewUserCode(user) : null;
      let qs = preview
        ? store.quizSubmissions.findByTemporaryUserCode(quiz.id, code)
        : store.quizSubmissions.findForUser(quiz.id, user.id);
      qs ??= store.quizSubmissions.insert({
        quizId: quiz.id,
        userId: preview ? null : user.id,
        temporaryUserCode: code,
        validationToken: randomBytes(32).toString('hex'),
      });
      const startedAt = dbTime(now());
      const next = {
        ...qs,
        attempt: (qs.attempt ?? 0) + 1,
        workflow_state: preview ? 'preview' : 'untaken',
        was_preview: preview,
        started_at: startedAt,
        finished_at: null,
        score: null,
        fudge_points: null,
        score_before_regrade: null,
        quiz_version: quiz.version_number,
        quiz_data: buildQuizData(store.quizzes.questions(quiz.id)),
        quiz_points_possible: store.quizzes.pointsPossible(quiz.id),
        submission_data: {},
      };
      next.end_at = buildSubmissionEndAt(quiz, next, { isGrader });
      const saved = saveWithVersion(next);
      if (!preview) {
        // QuizSubmission#record_creation_event: created_at is the same server instant as
        // started_at here, which is why the events index scope is `created_at >= started_at`.
        store.events.insertMany([
          {
            quiz_submission_id: saved.id,
            attempt: saved.attempt,
            event_type: 'submission_created',
            event_data: JSON.stringify({ quiz_version: saved.quiz_version, quiz_data: saved.quiz_data }),
            client_timestamp: null,
            created_at: startedAt,
          },
        ]);
      }
      return saved;
    });
  }

  /** ensure_latest_attempt!: Integer(attempt) or 400; a non-preview must name its current attempt. */
  function ensureLatestAttempt(qs, attempt) {
    const number = rubyInteger(attempt);
    if (number === null) throw requestError('invalid attempt', 400);
    if (qs.workflow_state !== 'preview' && BigInt(qs.attempt) !== number) {
      throw requestError(`attempt ${number} can not be modified`, 400);
    }
  }

  /**
   * QuizSubmission#complete! once every check passed: grade, finish, keep the score. The
   * outstanding-submission grader passes `finishedAt` (the attempt's end_at).
   */
  function markCompleted(qs, quiz, { finishedAt: givenFinishedAt } = {}) {
    return store.transaction(() => {
      const graded = gradeSubmission({
        quizData: qs.quiz_data,
        submissionData: qs.submission_data,
        quizType: quiz.quiz_type,
        pointsPossible: qs.quiz_points_possible,
        fudgePoints: qs.fudge_points,
      });
      let finishedAt = givenFinishedAt ?? dbTime(now());
      // rectify_finished_at_drift: a hand-in up to 5 minutes late is recorded at end_at.
      if (qs.end_at != null) {
        const drift = Date.parse(finishedAt) - Date.parse(qs.end_at);
        if (drift > 0 && drift <= 5 * 60_000) finishedAt = qs.end_at;
      }
      const next = {
        ...qs,
        workflow_state: graded.workflowState,
        has_seen_results: false,
        finished_at: finishedAt,
        manually_unlocked: null,
        score: graded.score,
        score_before_regrade: null,
        submission_data: graded.submissionData,
      };
      next.kept_score = keptScore(next, quiz);
      return saveWithVersion(next);
    });
  }

  /**
   * QuizSubmission#backup_submission_data: the record is merged into submission_data and, for
   * answers (snapshot), the optimized question_answered event is saved. Flagging (snapshot
   * false) records no event. Returns the saved submission.
   */
  function backupSubmissionData(qs, record, { snapshot = true } = {}) {
    return store.transaction(() => {
      const submissionData = { ...(qs.submission_data ?? {}), ...record };
      const saved = store.quizSubmissions.save({ ...qs, submission_data: submissionData });
      if (snapshot) {
        const previous = store.events
          .allFor(qs.id)
          .filter(
            (e) =>
              e.event_type === 'question_answered' &&
              e.attempt === qs.attempt &&
              e.created_at >= qs.started_at,
          );
        const eventData = buildQuestionAnsweredEvent({
          quizData: qs.quiz_data,
          record,
          submissionData,
          previousEvents: previous,
        });
        if (eventData) {
          store.events.insertMany([
            {
              quiz_submission_id: qs.id,
              attempt: qs.attempt,
              event_type: 'question_answered',
              event_data: JSON.stringify(eventData),
              client_timestamp: null,
              created_at: dbTime(now()),
            },
          ]);
        }
      }
      return saved;
    });
  }

  return {
    /** QuizSubmissionService#create: 403, then takeability (501/403/403/400), then 409. */
    create(quiz, participant) {
      if (!participant.userQuizRights.has('submit')) {
        throw requestError('you are not allowed to participate in this quiz', 403);
      }
      assertTakeability(quiz, participant);
      const existing = store.quizSubmissions.findForUser(quiz.id, participant.user.id);
      if (existing && !isRetriable(existing, quiz))
        throw requestError('a quiz submission already exists', 409);
      return generateSubmission(quiz, {
        user: participant.user,
        preview: false,
        isGrader: participant.userQuizRights.has('grade'),
      });
    },

    /** QuizSubmissionService#create_preview: only quiz editors (:update); no other checks. */
    createPreview(quiz, participant) {
      if (!participant.userQuizRights.has('update')) {
        throw requestError('you are not allowed to preview this quiz', 403);
      }
      return generateSubmission(quiz, {
        user: participant.user,
        preview: true,
        isGrader: participant.userQuizRights.has('grade'),
      });
    },

    /**
     * QuizSubmissionService#complete, in Canvas's order: :submit (403), takeability, token (403,
     * so a wrong token on a completed submission is 403 too), untaken (400), attempt (400).
     * A preview submission is never untaken, so it gets "already complete", as in Canvas.
     */
    complete(qs, quiz, participant, attempt) {
      if (!participant.userQuizRights.has('submit')) {
        throw requestError('you are not allowed to complete this quiz submission', 403);
      }
      assertTakeability(quiz, participant);
      if (qs.validation_token && qs.validation_token !== participant.validationToken) {
        throw requestError('invalid token', 403);
      }
      if (qs.workflow_state !== 'untaken') throw requestError('quiz submission is already complete', 400);
      ensureLatestAttempt(qs, attempt);
      return markCompleted(qs, quiz);
    },

    /** get_submission: the user's own submission, or the preview one (by temporary_user_code). */
    findOwn(quiz, user, { preview }) {
      return preview
        ? store.quizSubmissions.findByTemporaryUserCode(quiz.id, previewUserCode(user))
        : store.quizSubmissions.findForUser(quiz.id, user.id);
    },

    /**
     * Quizzes::QuizzesController#start_quiz! (the quiz page's POST …/take), which generates the
     * submission itself rather than through QuizSubmissionService#create: a new attempt when
     * there is none, when the last one is completed and another is allowed (quiz editors may
     * always retry), and always for a preview; an untaken attempt is resumed. Returns the
     * active submission (untaken or preview), or null when no attempt is left.
     */
    startQuiz(quiz, { user, userQuizRights, preview }) {
      let qs = this.findOwn(quiz, user, { preview });
      const canRetry =
        qs != null &&
        (quiz.allowed_attempts === -1 || attemptsLeft(qs, quiz) > 0 || userQuizRights.has('update'));
      if (qs == null || qs.workflow_state === 'settings_only' || (isCompleted(qs) && canRetry) || preview) {
        qs = generateSubmission(quiz, { user, preview, isGrader: userQuizRights.has('grade') });
      }
      return qs.workflow_state === 'untaken' || qs.workflow_state === 'preview' ? qs : null;
    },

    /**
     * The quiz page grades an attempt left untaken past its end_at before anything else
     * (`needs_grading?` → SubmissionGrader#grade_submission(finished_at: end_at)).
     */
    gradeOutstanding(qs, quiz) {
      return markCompleted(qs, quiz, { finishedAt: qs.end_at });
    },

    /** QuizSubmission#backup_submission_data (the take page's backup and record_answer). */
    backupSubmissionData(qs, record) {
      return backupSubmissionData(qs, record, { snapshot: true });
    },

    /**
     * Quizzes::QuizSubmissionsController#create after its checks (the take page's final
     * submit): a preview, or the untaken attempt the form names (`attempt.to_i`), is completed
     * with the form's answers merged in — unless it is overdue (end_at more than 5 minutes
     * ago), when the answers are dropped — and graded. Anything else is left as it is.
     */
    completeFromForm(qs, quiz, { attempt, record }) {
      const named = qs.workflow_state === 'untaken' && rubyToI(String(attempt ?? '')) === qs.attempt;
      if (qs.workflow_state !== 'preview' && !named) return qs;
      return markCompleted(isOverdue(qs, now()) ? qs : backupSubmissionData(qs, record), quiz);
    },

    /**
     * QuizSubmissionService#update_question, in Canvas's order: :update (403), completed (400),
     * overdue — end_at more than 5 minutes ago, `overdue?` non-strict — (400), takeability,
     * token (403), attempt (400). Then backup_submission_data: the record is merged into
     * submission_data and, for answers (snapshot), the optimized question_answered event is
     * saved. Flagging (snapshot false) records no event. Returns the saved submission.
     */
    updateQuestion(qs, quiz, participant, { record, attempt, snapshot, canUpdate }) {
      if (!canUpdate)
        throw requestError('you are not allowed to update questions for this quiz submission', 403);
      if (isCompleted(qs)) throw requestError('quiz submission is already complete', 400);
      if (isOverdue(qs, now())) throw requestError('quiz submission is overdue', 400);
      assertTakeability(quiz, participant);
      if (qs.validation_token && qs.validation_token !== participant.validationToken) {
        throw requestError('invalid token', 403);
      }
      ensureLatestAttempt(qs, attempt);
      return backupSubmissionData(qs, record, { snapshot });
    },

    /**
     * QuizSubmissionService#update_scores + QuizSubmission#update_scores: `attempt` must name a
     * completed attempt (400 "invalid attempt" / "quiz submission attempt must be complete");
     * fudge_points (to_f) and per-question score (to_f) / comment ('' clears) are applied to
     * that attempt's graded answers, the score is recomputed (answers + fudge), and once no
     * question awaits a human the attempt turns `complete`. The current attempt is saved (and
     * versioned); an older one is edited in its version, as Canvas does.
     */
    updateScores(qs, quiz, { canUpdateScores, attempt, scoringData }) {
      if (!canUpdateScores)
        throw requestError('you are not allowed to update scores for this quiz submission', 403);
      if (attempt == null || attempt === false) throw requestError('invalid attempt', 400);
      const number = rubyToI(String(attempt));
      const version = store.versions.quizSubmissionAttempt(qs.id, number);
      if (!version) throw requestError('invalid attempt', 400);
      if (!isCompleted(version.model)) throw requestError('quiz submission attempt must be complete', 400);
      const fudge = presentValue(scoringData.fudge_points) ? rubyToF(scoringData.fudge_points) : undefined;
      const questions =
        scoringData.questions &&
        typeof scoringData.questions === 'object' &&
        !Array.isArray(scoringData.questions)
          ? scoringData.questions
          : {};
      const changes = new Map();
      for (const [questionId, data] of Object.entries(questions)) {
        const entry = {};
        if (data && typeof data === 'object' && presentValue(data.score)) entry.points = rubyToF(data.score);
        if (data && typeof data === 'object' && data.comment != null)
          entry.more_comments = String(data.comment);
        changes.set(rubyToI(questionId), entry);
      }
      if (fudge === undefined && [...changes.values()].every((entry) => Object.keys(entry).length === 0))
        return qs;
      return store.transaction(() => {
        const target = version.model;
        const answers = (Array.isArray(target.submission_data) ? target.submission_data : []).map(
          (answer) => {
            const change = changes.get(answer.question_id);
            if (!change) return answer;
            const next = { ...answer, ...change };
            if (change.points !== undefined) {
              const possible =
                (target.quiz_data ?? []).find((q) => q.id === answer.question_id)?.points_possible ?? 0;
              next.correct = change.points >= possible ? true : change.points > 0 ? 'partial' : false;
            }
            return next;
          },
        );
        const fudgePoints = fudge !== undefined ? fudge : (target.fudge_points ?? 0);
        const score = answers.reduce((sum, answer) => sum + (answer.points ?? 0), 0) + fudgePoints;
        const updated = {
          ...target,
          submission_data: answers,
          fudge_points: fudgePoints,
          score,
          manually_scored: true,
          workflow_state: answers.some((answer) => answer.correct === 'undefined')
            ? 'pending_review'
            : 'complete',
        };
        if (number === qs.attempt) {
          const current = { ...qs, ...updated };
          current.kept_score = keptScore(current, quiz);
          return saveWithVersion(current);
        }
        store.versions.replaceModel(QUIZ_SUBMISSION_TYPE, qs.id, version.number, updated);
        const current = { ...qs, kept_score: keptScore(qs, quiz) };
        return store.quizSubmissions.save(current);
      });
    },
  };
}

const presentValue = (value) => value != null && value !== false && String(value).trim() !== '';
