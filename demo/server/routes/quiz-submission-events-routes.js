import { buildEventRows } from '../canvas/event-batch.js';
import { requireUser } from '../http/authenticate.js';
import { baseUrl } from '../http/base-url.js';
import { notFound, requestError, unauthorized } from '../http/canvas-errors.js';
import { paginate } from '../http/paginate.js';
import { railsParams } from '../http/rails-params.js';
import { rubyToI, valueToBoolean } from '../lib/ruby.js';
import { renderTime } from '../lib/time.js';
import {
  loadCourse,
  loadQuiz,
  loadQuizSubmission,
  quizSubmissionRightsFor,
  rightsFor,
} from './canvas-context.js';

const MEMBER = '/api/v1/courses/:course_id/quizzes/:quiz_id/submissions/:id/events';

/** Quizzes::QuizSubmissionEventsApiController: create and index. */
export function quizSubmissionEventsRoutes(app, canvas) {
  const { store, clock, options } = canvas;

  function context(request) {
    const user = requireUser(request);
    const params = railsParams(request);
    const course = loadCourse(store, params.course_id);
    const quiz = loadQuiz(store, course, params.quiz_id);
    const qs = loadQuizSubmission(store, quiz, params.id, user);
    const now = clock.now();
    const rights = quizSubmissionRightsFor(rightsFor(store, course, quiz, user), { user, qs, quiz, now });
    return { params, course, quiz, qs, rights, now };
  }

  // authorized_action(:record_events): the owner while end_date_is_valid?. That rule does not
  // require the attempt to be untaken — a completed submission's owner may still post (Canvas's
  // own client flushes leftovers from the quiz show page after hand-in) — it only refuses an
  // untaken attempt once its end_at has passed, a quiz the owner can no longer :submit, and a
  // time-limited attempt without end_at. Teachers, observers and other students are refused.
  // Success is 204 with an empty body.
  app.post(MEMBER, async (request, reply) => {
    const { params, qs, rights, now } = context(request);
    if (!rights.has('record_events')) throw unauthorized(options.apiAuthErrorUpdates);
    store.events.insertMany(buildEventRows(params.quiz_submission_events, qs, now));
    return reply.code(204).send();
  });

  // authorized_action(:view_log) (graders), then the course feature, then ?attempt=N. Scope:
  // this attempt's events created at or after the attempt's started_at, oldest first.
  // Canvas's SQL says `created_at > started_at`; it still returns submission_created because
  // Canvas writes that event a few microseconds after started_at, whereas here both come from
  // the same clock reading — `>=` gives the same rows.
  // `client_timestamp` is never returned. EXTENSION (not Canvas): include_client_timestamp=true
  // adds `client_timestamp` and `attempt` to each row.
  app.get(MEMBER, async (request, reply) => {
    const { params, course, quiz, qs, rights } = context(request);
    if (!rights.has('view_log')) throw unauthorized(options.apiAuthErrorUpdates);
    if (course.quiz_log_auditing !== 1) throw requestError('quiz log auditing must be enabled', 400);
    let target = qs;
    if (Object.hasOwn(params, 'attempt')) {
      const version = store.versions.quizSubmissionAttempt(qs.id, rubyToI(String(params.attempt ?? '')));
      if (!version) throw notFound();
      target = version.model;
    }
    const route = `${baseUrl(request)}/api/v1/courses/${course.id}/quizzes/${quiz.id}/submissions/${qs.id}/events`;
    const rows = paginate(request, reply, route, (limit, offset) =>
      store.events.pageForAttempt(qs.id, target.attempt, target.started_at, limit, offset),
    );
    const withClientTimestamp = valueToBoolean(railsParams(request).include_client_timestamp);
    return {
      quiz_submission_events: rows.map((row) => {
        const event = {
          id: String(row.id),
          event_type: row.event_type,
          event_data: row.event_data,
          created_at: renderTime(row.created_at),
        };
        if (withClientTimestamp) {
          event.client_timestamp = row.client_timestamp;
          event.attempt = row.attempt;
        }
        return event;
      }),
    };
  });
}
