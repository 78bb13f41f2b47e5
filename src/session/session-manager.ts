import type { SchedulerLike } from 'rxjs';
import type { SubmissionRef } from './submission-ref.js';
import { CanvasApiError } from '../canvas/core/canvas-api-error.js';
import type { CanvasClient } from '../canvas/core/canvas-client.js';
import { completeQuizSubmission } from '../canvas/quiz-submissions/complete-quiz-submission.js';
import { getQuizSubmissionTime } from '../canvas/quiz-submissions/get-quiz-submission-time.js';
import { getQuizSubmission } from '../canvas/quiz-submissions/get-quiz-submission.js';
import type { QuizSubmission } from '../canvas/quiz-submissions/quiz-submission.js';
import { startQuizSubmission } from '../canvas/quiz-submissions/start-quiz-submission.js';
import { ProctorError } from '../errors/proctor-error.js';
import { forgetSession, loadSession, saveSession, sessionKey, type SavedSession } from './saved-session.js';
import type { SessionError } from './session-error.js';
import { sessionErrorFrom } from './session-error-from.js';

export interface SessionConfig {
  client: CanvasClient;
  /** Where Canvas is: its host keys the saved session. */
  baseUrl: string;
  courseId: string;
  quizId: string;
  accessCode: string | undefined;
  /** A submission the page already has (Canvas renders it): adopted without a request. */
  submission: SubmissionRef | undefined;
  scheduler: SchedulerLike;
}

/** The attempt a session runs: what delivery and completion need. */
export interface ActiveSubmission extends SubmissionRef {
  id: string;
  endAt: string | null;
}

// Pauses between tries of a completion that got no answer.
const COMPLETE_RETRY_DELAYS_MS = [500, 1500, 3000];

const fromCanvas = (qs: QuizSubmission): ActiveSubmission => ({
  id: String(qs.id),
  attempt: qs.attempt,
  validationToken: qs.validation_token,
  endAt: qs.end_at ?? null,
});

/** One quiz submission's session: see {@link createSessionManager}. */
export interface SessionManager {
  readonly submission: ActiveSubmission | undefined;
  start(): Promise<ActiveSubmission>;
  /** Canvas's count of the seconds left (null: untimed). */
  timeLeft(): Promise<{ endAt: string | null; secondsLeft: number | null }>;
  /**
   * Completes the attempt. A retry whose first try reached Canvas (the network failed on the way
   * back) gets `quiz submission is already complete`: that is success, not an error.
   */
  complete(): Promise<QuizSubmission | undefined>;
}

/**
 * Starts, resumes and completes one quiz submission. A reload resumes the attempt saved in
 * IndexedDB (id, attempt, validation token, end; never a credential); a 409 adopts the untaken
 * attempt Canvas already has; Canvas's refusals become {@link SessionError}s with its message.
 */
export function createSessionManager(config: SessionConfig): SessionManager {
  const { client, accessCode, scheduler, submission: adopt } = config;
  const key = sessionKey(config);
  // What every request names: the quiz, and its access code when it has one (only start and
  // complete read it; the other requests leave it out).
  const quiz = {
    courseId: config.courseId,
    quizId: config.quizId,
    ...(accessCode === undefined ? {} : { accessCode }),
  };
  let submission: ActiveSubmission | undefined;

  /** A submission of this quiz, as every request about one names it. */
  const ids = (id: string) => ({ ...quiz, id });

  const required = (): ActiveSubmission => {
    if (!submission) throw new ProctorError('not_started');
    return submission;
  };

  /** Starts the quiz's next attempt, or adopts the untaken one Canvas already has (a 409). */
  const startNext = async (): Promise<ActiveSubmission> => {
    try {
      return fromCanvas(await startQuizSubmission(client, quiz));
    } catch (error) {
      if (!(error instanceof CanvasApiError && error.status === 409)) {
        throw sessionErrorFrom('session_failed', error);
      }
      // An attempt is in progress (another device, a lost page): adopt it. With none untaken,
      // the 409 means no attempt is left.
      const current = await getQuizSubmission(client, ids('self')).catch(() => undefined);
      if (current?.workflow_state !== 'untaken') throw sessionErrorFrom('no_attempts_left', error);
      return fromCanvas(current);
    }
  };

  /**
   * The saved attempt, if Canvas still has it untaken. It is forgotten only when Canvas says it is
   * gone (404, completed, another attempt): with no answer (an offline reload) it is kept and start()
   * fails with `network_failed`, so the next start() resumes it rather than leaning on a 409.
   */
  const resume = async (saved: SavedSession): Promise<ActiveSubmission | undefined> => {
    let current: QuizSubmission | undefined;
    try {
      current = await getQuizSubmission(client, ids(saved.id));
    } catch (error) {
      if (!(error instanceof CanvasApiError)) throw sessionErrorFrom('session_failed', error);
      // Any other answer (401, 5xx) says nothing of the attempt: starting decides, and saves over it.
      if (error.status !== 404) return undefined;
    }
    if (current?.workflow_state === 'untaken' && current.attempt === saved.attempt)
      return fromCanvas(current);
    await forgetSession(key);
    return undefined;
  };

  /**
   * Retries a request that got no answer (the network failed, perhaps after Canvas did the work),
   * a few times with a growing pause; Canvas's answers, refusals included, are final.
   */
  const withNetworkRetries = async <T>(request: () => Promise<T>): Promise<T> => {
    // A loop: rxjs retry({ count, delay: timer(ms, scheduler) }) on a defer measured +233 B IIFE gzip.
    for (const delayMs of COMPLETE_RETRY_DELAYS_MS) {
      try {
        return await request();
      } catch (error) {
        if (error instanceof CanvasApiError) throw error;
      }
      await new Promise<void>((resolve) => scheduler.schedule(resolve, delayMs));
    }
    // The last try's failure, whatever it is, is the caller's.
    return request();
  };

  return {
    get submission() {
      return submission;
    },

    async start() {
      const saved = adopt ? undefined : await loadSession(key);
      const resumed = saved && (await resume(saved));
      submission = resumed ?? (adopt ? { ...adopt, id: String(adopt.id), endAt: null } : await startNext());
      if (!resumed) await saveSession(key, submission);
      return submission;
    },

    async timeLeft() {
      const { id } = required();
      try {
        const time = await getQuizSubmissionTime(client, ids(id));
        return { endAt: time.end_at, secondsLeft: time.time_left };
      } catch (error) {
        throw sessionErrorFrom('http_error', error);
      }
    },

    async complete() {
      const { id, attempt, validationToken } = required();
      const request = { ...ids(id), attempt, validationToken };
      let completed: QuizSubmission | undefined;
      try {
        completed = await withNetworkRetries(() => completeQuizSubmission(client, request));
      } catch (error) {
        if (!(error instanceof CanvasApiError && /already complete/.test(error.canvasMessage))) {
          throw sessionErrorFrom('complete_failed', error);
        }
        completed = await getQuizSubmission(client, ids(id)).catch(() => undefined);
      }
      await forgetSession(key);
      return completed;
    },
  };
}

export type { SessionError };
