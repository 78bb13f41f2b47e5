import { preflight } from '../canvas/file-uploads.js';
import { assignmentRights, submissionRights } from '../canvas/rights.js';
import { submissionJson } from '../canvas/submission-json.js';
import { markRead } from '../canvas/submission-read-state.js';
import { requireUser } from '../http/authenticate.js';
import { baseUrl } from '../http/base-url.js';
import { badRequest, unauthorized } from '../http/canvas-errors.js';
import { paginate } from '../http/paginate.js';
import { railsParams } from '../http/rails-params.js';
import { rubyToI } from '../lib/ruby.js';
import { courseRightsFor, loadAssignment, loadCourse, loadStudentSubmission } from './canvas-context.js';

const COURSE = '/api/v1/courses/:course_id';
const ASSIGNMENT_SUBMISSIONS = `${COURSE}/assignments/:assignment_id/submissions`;
const asArray = (value) => (value == null ? [] : Array.isArray(value) ? value : [value]);

/**
 * SubmissionsApiController / SubmissionsController (API): list, multi-assignment list, show,
 * submit, upload preflights, and read state. Grading lives in submission-grading-routes.js.
 */
export function submissionsRoutes(app, canvas) {
  const { store, clock, submissionService, options } = canvas;
  const deny = () => unauthorized(options.apiAuthErrorUpdates);

  function courseContext(request) {
    const user = requireUser(request);
    const params = railsParams(request);
    const course = loadCourse(store, params.course_id);
    const rights = courseRightsFor(store, course, user);
    return { user, params, course, rights };
  }
  function assignmentContext(request) {
    const ctx = courseContext(request);
    const assignment = loadAssignment(store, ctx.course, ctx.params.assignment_id);
    return {
      ...ctx,
      assignment,
      assignmentRights: assignmentRights(assignment, ctx.rights.userCourseRights),
    };
  }
  function submissionContext(request) {
    const ctx = assignmentContext(request);
    const submission = loadStudentSubmission(store, ctx.course, ctx.assignment, ctx.params.user_id, ctx.user);
    const rights = submissionRights({ user: ctx.user, submission, ...ctx.rights });
    return { ...ctx, submission, submissionRights: rights };
  }
  const isGrader = (ctx) =>
    ctx.rights.userCourseRights.has('manage_grades') || ctx.rights.userCourseRights.has('view_all_grades');

  const render = (request, ctx, submission, assignment = ctx.assignment, includes = ctx.params.include) =>
    submissionJson(store, submission, {
      assignment,
      course: ctx.course,
      base: baseUrl(request),
      currentUser: ctx.user,
      includes,
      now: clock.now(),
    });

  // Graders only (manage_grades / view_all_grades); every student's submission, by user id,
  // paginated. `grouped` groups by student group in Canvas; there are no groups here, so it
  // changes nothing.
  app.get(ASSIGNMENT_SUBMISSIONS, async (request, reply) => {
    const ctx = assignmentContext(request);
    if (!isGrader(ctx)) throw deny();
    const studentIds = store.courses.studentIds(ctx.course.id);
    for (const id of studentIds) store.submissions.ensure(ctx.assignment.id, id);
    const all = store.submissions.forUsers([ctx.assignment.id], studentIds);
    const route = `${baseUrl(request)}/api/v1/courses/${ctx.course.id}/assignments/${ctx.assignment.id}/submissions`;
    const rows = paginate(request, reply, route, (limit, offset) => ({
      total: all.length,
      rows: all.slice(offset, offset + limit),
    }));
    return rows.map((submission) => render(request, ctx, submission));
  });

  // student_ids[] (default: the current user; "all" for graders), assignment_ids[] (default
  // all), grouped → [{user_id, submissions}]. Students may ask for themselves, observers for
  // their observees, graders for anyone; anything else is unauthorized.
  app.get(`${COURSE}/students/submissions`, async (request, reply) => {
    const ctx = courseContext(request);
    const students = store.courses.studentIds(ctx.course.id);
    const requested = asArray(ctx.params.student_ids).map(String);
    let userIds;
    if (requested.includes('all')) {
      if (!isGrader(ctx)) throw deny();
      userIds = students;
    } else if (requested.length === 0) {
      userIds = [ctx.user.id];
    } else {
      userIds = requested.map((id) => (id === 'self' ? ctx.user.id : rubyToI(id)));
      const allowed = (id) => isGrader(ctx) || id === ctx.user.id || ctx.rights.observedUserIds.includes(id);
      if (!userIds.every(allowed)) throw deny();
    }
    userIds = [...new Set(userIds)].filter((id) => students.includes(id));
    if (!isGrader(ctx) && userIds.length === 0 && !ctx.rights.userCourseRights.has('read')) throw deny();
    const wanted = asArray(ctx.params.assignment_ids).map((id) => rubyToI(String(id)));
    const assignments = store.assignments
      .forCourse(ctx.course.id)
      .filter((a) => (wanted.length === 0 || wanted.includes(a.id)) && (a.published === 1 || isGrader(ctx)));
    for (const a of assignments) for (const id of userIds) store.submissions.ensure(a.id, id);
    const byId = new Map(assignments.map((a) => [a.id, a]));
    const all = store.submissions.forUsers([...byId.keys()], userIds);
    const route = `${baseUrl(request)}/api/v1/courses/${ctx.course.id}/students/submissions`;
    if (ctx.params.grouped != null && ctx.params.grouped !== 'false' && ctx.params.grouped !== false) {
      const groups = userIds
        .sort((a, b) => a - b)
        .map((id) => ({
          user_id: id,
          submissions: all
            .filter((s) => s.user_id === id)
            .map((s) => render(request, ctx, s, byId.get(s.assignment_id))),
        }));
      return paginate(request, reply, route, (limit, offset) => ({
        total: groups.length,
        rows: groups.slice(offset, offset + limit),
      }));
    }
    const rows = paginate(request, reply, route, (limit, offset) => ({
      total: all.length,
      rows: all.slice(offset, offset + limit),
    }));
    return rows.map((s) => render(request, ctx, s, byId.get(s.assignment_id)));
  });

  app.get(`${ASSIGNMENT_SUBMISSIONS}/:user_id`, async (request) => {
    const ctx = submissionContext(request);
    if (!ctx.submissionRights.has('read')) throw deny();
    return render(request, ctx, ctx.submission);
  });

  // Submit as the current user (authorized_action(:submit): an active student of a published
  // assignment). 201 + Location (the API URL of the submission), with comments and attachments.
  app.post(ASSIGNMENT_SUBMISSIONS, async (request, reply) => {
    const ctx = assignmentContext(request);
    if (!ctx.assignmentRights.has('submit')) throw deny();
    const saved = submissionService.submit(ctx.assignment, ctx.user, ctx.params);
    const base = baseUrl(request);
    reply
      .code(201)
      .header(
        'Location',
        `${base}/api/v1/courses/${ctx.course.id}/assignments/${ctx.assignment.id}/submissions/${ctx.user.id}`,
      );
    return render(request, ctx, saved, ctx.assignment, [
      'submission_comments',
      ...asArray(ctx.params.include),
    ]);
  });

  // Upload step 1 for a submission: only for oneself (the file lands in the user's files).
  app.post(`${ASSIGNMENT_SUBMISSIONS}/:user_id/files`, async (request) => {
    const ctx = assignmentContext(request);
    const userId = String(ctx.params.user_id) === 'self' ? ctx.user.id : rubyToI(String(ctx.params.user_id));
    if (userId !== ctx.user.id || !ctx.assignmentRights.has('submit')) throw deny();
    return preflight(store, baseUrl(request), {
      user: ctx.user,
      contextType: 'User',
      contextId: ctx.user.id,
      params: ctx.params,
      purpose: 'submission',
      folderPath: 'submissions',
    });
  });

  // Upload step 1 for a submission comment: whoever may comment (owner, graders).
  app.post(`${ASSIGNMENT_SUBMISSIONS}/:user_id/comments/files`, async (request) => {
    const ctx = submissionContext(request);
    if (!ctx.submissionRights.has('comment')) throw deny();
    return preflight(store, baseUrl(request), {
      user: ctx.user,
      contextType: 'User',
      contextId: ctx.user.id,
      params: ctx.params,
      purpose: 'submission_comment',
      folderPath: 'comment attachments',
    });
  });

  // Read state (ContentParticipation) of the current user: 204, empty body.
  app.put(`${ASSIGNMENT_SUBMISSIONS}/:user_id/read`, async (request, reply) => {
    const ctx = submissionContext(request);
    if (!ctx.submissionRights.has('read')) throw deny();
    markRead(store, ctx.submission, ctx.user.id, 'read');
    return reply.code(204).send();
  });
  app.delete(`${ASSIGNMENT_SUBMISSIONS}/:user_id/read`, async (request, reply) => {
    const ctx = submissionContext(request);
    if (!ctx.submissionRights.has('read')) throw deny();
    markRead(store, ctx.submission, ctx.user.id, 'unread');
    return reply.code(204).send();
  });
  // One item: grade | comment | rubric (anything else → 400; Canvas's wording is UNVERIFIED).
  app.put(`${ASSIGNMENT_SUBMISSIONS}/:user_id/read/:item`, async (request, reply) => {
    const ctx = submissionContext(request);
    if (!ctx.submissionRights.has('read')) throw deny();
    const item = String(ctx.params.item);
    if (!['grade', 'comment', 'rubric'].includes(item)) throw badRequest(`invalid content item: ${item}`);
    markRead(store, ctx.submission, ctx.user.id, 'read', item);
    return reply.code(204).send();
  });
  // submissionIds[]: the current user's readable submissions among them are marked read.
  app.put(`${COURSE}/submissions/bulk_mark_read`, async (request, reply) => {
    const ctx = courseContext(request);
    for (const id of asArray(ctx.params.submissionIds)) {
      const submission = store.submissions.find(rubyToI(String(id)));
      if (!submission || !store.assignments.find(ctx.course.id, submission.assignment_id)) continue;
      if (submissionRights({ user: ctx.user, submission, ...ctx.rights }).has('read'))
        markRead(store, submission, ctx.user.id, 'read');
    }
    return reply.code(204).send();
  });
}
