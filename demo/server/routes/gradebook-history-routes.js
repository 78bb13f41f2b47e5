import { SUBMISSION_TYPE } from '../canvas/submission-service.js';
import { submissionJson } from '../canvas/submission-json.js';
import { courseRights } from '../canvas/rights.js';
import { requireUser } from '../http/authenticate.js';
import { baseUrl } from '../http/base-url.js';
import { notFound, unauthorized } from '../http/canvas-errors.js';
import { paginate } from '../http/paginate.js';
import { railsParams } from '../http/rails-params.js';
import { rubyToI, valueToBoolean } from '../lib/ruby.js';
import { loadCourse } from './canvas-context.js';

const BASE = '/api/v1/courses/:course_id/gradebook_history';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * GradebookHistoryApiController, built from the Submission versions recorded at every grading
 * (and submit). Only graded versions (graded_at and grader_id set) count. Dates are UTC (the
 * emulator has no time zones). Requires :manage_grades.
 */
export function gradebookHistoryRoutes(app, canvas) {
  const { store, clock, options } = canvas;

  function context(request) {
    const user = requireUser(request);
    const params = railsParams(request);
    const course = loadCourse(store, params.course_id);
    if (!courseRights(store.courses.enrollmentsFor(course.id, user.id)).has('manage_grades')) {
      throw unauthorized(options.apiAuthErrorUpdates);
    }
    const assignments = new Map(store.assignments.forCourse(course.id).map((a) => [a.id, a]));
    const versions = store.versions
      .allOfType(SUBMISSION_TYPE)
      .filter(
        (v) => assignments.has(v.model.assignment_id) && v.model.graded_at && v.model.grader_id != null,
      );
    return { user, params, course, assignments, versions };
  }

  const day = (v) => v.model.graded_at.slice(0, 10);
  const graderJson = (id, versions) => ({
    id,
    name: store.users.find(id)?.name ?? null,
    assignments: [
      ...new Set(versions.filter((v) => v.model.grader_id === id).map((v) => v.model.assignment_id)),
    ].sort((a, b) => a - b),
  });
  const graders = (versions) =>
    [...new Set(versions.map((v) => v.model.grader_id))]
      .sort((a, b) => a - b)
      .map((id) => graderJson(id, versions));

  function versionJson(request, ctx, v, { withChanges }) {
    const assignment = ctx.assignments.get(v.model.assignment_id);
    const current = store.submissions.find(v.versionable_id);
    const all = ctx.versions.filter((w) => w.versionable_id === v.versionable_id);
    const previous = all.filter((w) => w.number < v.number).at(-1);
    const name = (id) => (id == null ? null : (store.users.find(id)?.name ?? null));
    const json = {
      ...submissionJson(store, v.model, {
        assignment,
        course: ctx.course,
        base: baseUrl(request),
        currentUser: ctx.user,
        now: clock.now(),
      }),
      assignment_name: assignment.title,
      user_name: name(v.model.user_id),
      current_grade: current?.grade ?? null,
      current_graded_at: current?.graded_at ?? null,
      current_grader: name(current?.grader_id),
      grader: name(v.model.grader_id),
    };
    if (withChanges) {
      Object.assign(json, {
        new_grade: v.model.grade,
        new_graded_at: v.model.graded_at,
        new_grader: name(v.model.grader_id),
        previous_grade: previous?.model.grade ?? null,
        previous_graded_at: previous?.model.graded_at ?? null,
        previous_grader: name(previous?.model.grader_id),
      });
    }
    return json;
  }

  app.get(`${BASE}/days`, async (request) => {
    const ctx = context(request);
    const days = [...new Set(ctx.versions.map(day))].sort().reverse();
    return days.map((date) => ({ date, graders: graders(ctx.versions.filter((v) => day(v) === date)) }));
  });

  // The route only matches YYYY-MM-DD (Canvas's route constraint), so anything else is 404.
  app.get(`${BASE}/:date`, async (request) => {
    const ctx = context(request);
    if (!DATE.test(String(ctx.params.date))) throw notFound();
    return graders(ctx.versions.filter((v) => day(v) === ctx.params.date));
  });

  app.get(`${BASE}/:date/graders/:grader_id/assignments/:assignment_id/submissions`, async (request) => {
    const ctx = context(request);
    if (!DATE.test(String(ctx.params.date))) throw notFound();
    const graderId = rubyToI(String(ctx.params.grader_id));
    const assignmentId = rubyToI(String(ctx.params.assignment_id));
    const matching = ctx.versions.filter(
      (v) =>
        day(v) === ctx.params.date &&
        v.model.grader_id === graderId &&
        v.model.assignment_id === assignmentId,
    );
    const ids = [...new Set(matching.map((v) => v.versionable_id))];
    return ids.map((id) => ({
      submission_id: id,
      versions: matching
        .filter((v) => v.versionable_id === id)
        .map((v) => versionJson(request, ctx, v, { withChanges: true })),
    }));
  });

  // Newest first unless ascending; assignment_id / user_id filter. No new_*/previous_* keys.
  app.get(`${BASE}/feed`, async (request, reply) => {
    const ctx = context(request);
    let rows = ctx.versions;
    if (ctx.params.assignment_id != null)
      rows = rows.filter((v) => v.model.assignment_id === rubyToI(String(ctx.params.assignment_id)));
    if (ctx.params.user_id != null)
      rows = rows.filter((v) => v.model.user_id === rubyToI(String(ctx.params.user_id)));
    rows = valueToBoolean(ctx.params.ascending) ? rows : [...rows].reverse();
    const route = `${baseUrl(request)}/api/v1/courses/${ctx.course.id}/gradebook_history/feed`;
    const page = paginate(request, reply, route, (limit, offset) => ({
      total: rows.length,
      rows: rows.slice(offset, offset + limit),
    }));
    return page.map((v) => versionJson(request, ctx, v, { withChanges: false }));
  });
}
