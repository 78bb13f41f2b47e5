import { entriesForAssignment, queueBulkUpdate } from '../canvas/bulk-grade-update.js';
import { progressJson } from '../canvas/progress-json.js';
import { assignmentRights, courseRights, submissionRights } from '../canvas/rights.js';
import { submissionJson } from '../canvas/submission-json.js';
import { requireUser } from '../http/authenticate.js';
import { baseUrl } from '../http/base-url.js';
import { notFound, unauthorized } from '../http/canvas-errors.js';
import { railsParams } from '../http/rails-params.js';
import { presentString, rubyToI } from '../lib/ruby.js';
import { courseRightsFor, loadAssignment, loadCourse, loadStudentSubmission } from './canvas-context.js';

const COURSE = '/api/v1/courses/:course_id';
const asArray = (value) => (value == null ? [] : Array.isArray(value) ? value : [value]);
const isHash = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const GRADE_FIELDS = ['posted_grade', 'excuse', 'late_policy_status', 'seconds_late_override'];

/** Grading: PUT a submission, bulk update_grades (Progress), GET progress. */
export function submissionGradingRoutes(app, canvas) {
  const { store, clock, submissionService, options } = canvas;
  const deny = () => unauthorized(options.apiAuthErrorUpdates);

  // SubmissionsApiController#update. Grading fields (submission[posted_grade|excuse|...]) and
  // rubric_assessment need :grade; a comment alone needs :comment (owner or grader).
  // include[visibility] adds assignment_visible. 200 with the Submission (comments included).
  app.put(`${COURSE}/assignments/:assignment_id/submissions/:user_id`, async (request) => {
    const user = requireUser(request);
    const params = railsParams(request);
    const course = loadCourse(store, params.course_id);
    const assignment = loadAssignment(store, course, params.assignment_id);
    let submission = loadStudentSubmission(store, course, assignment, params.user_id, user);
    const rights = submissionRights({ user, submission, ...courseRightsFor(store, course, user) });
    const sub = isHash(params.submission) ? params.submission : {};
    const grading = GRADE_FIELDS.some((f) => Object.hasOwn(sub, f)) || isHash(params.rubric_assessment);
    if (grading ? !rights.has('grade') : !rights.has('comment')) throw deny();
    if (Object.hasOwn(sub, 'posted_grade') || Object.hasOwn(sub, 'excuse')) {
      submission = submissionService.grade(assignment, submission, user, {
        postedGrade: sub.posted_grade,
        excuse: sub.excuse,
      });
    }
    if (Object.hasOwn(sub, 'late_policy_status')) {
      submission = store.submissions.save({
        ...submission,
        late_policy_status: presentString(sub.late_policy_status),
      });
    }
    if (isHash(params.rubric_assessment)) {
      submission = submissionService.assessRubric(assignment, submission, params.rubric_assessment);
    }
    const comment = isHash(params.comment) ? params.comment : {};
    const text = presentString(comment.text_comment);
    if (text) {
      submissionService.comment(submission, user, {
        text,
        attempt: comment.attempt == null ? null : rubyToI(String(comment.attempt)),
        attachmentIds: asArray(comment.file_ids)
          .map((id) => store.attachments.find(rubyToI(String(id))))
          .filter((a) => a && a.user_id === user.id && a.workflow_state === 'processed')
          .map((a) => a.id),
      });
    }
    const include = isHash(params.include)
      ? Object.entries(params.include)
          .filter(([, v]) => v != null && v !== 'false')
          .map(([k]) => k)
      : asArray(params.include);
    return submissionJson(store, submission, {
      assignment,
      course,
      base: baseUrl(request),
      currentUser: user,
      includes: ['submission_comments', ...include],
      now: clock.now(),
    });
  });

  // bulk_update: grade_data is checked first (400 with the bare JSON string "'grade_data'
  // parameter required"), then :manage_grades on the course (and a published assignment in
  // the assignment form), then the Progress is queued and returned (200).
  function bulkUpdate(request, reply, entriesFor) {
    const user = requireUser(request);
    const params = railsParams(request);
    const course = loadCourse(store, params.course_id);
    const gradeData = params.grade_data;
    if (!isHash(gradeData) || Object.keys(gradeData).length === 0) {
      return reply
        .code(400)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify("'grade_data' parameter required"));
    }
    const userCourseRights = courseRights(store.courses.enrollmentsFor(course.id, user.id));
    if (!userCourseRights.has('manage_grades')) throw deny();
    const entries = entriesFor(course, params, gradeData, userCourseRights);
    const progress = queueBulkUpdate(canvas, { course, grader: user, entries });
    return progressJson(progress, baseUrl(request));
  }

  app.post(`${COURSE}/assignments/:assignment_id/submissions/update_grades`, async (request, reply) =>
    bulkUpdate(request, reply, (course, params, gradeData, rights) => {
      const assignment = loadAssignment(store, course, params.assignment_id);
      if (!assignmentRights(assignment, rights).has('grade') || assignment.published !== 1) throw deny();
      return entriesForAssignment(assignment, gradeData);
    }),
  );

  // Course form: grade_data[<assignment_id>][<student_id>][...]; unknown assignments → 404.
  app.post(`${COURSE}/submissions/update_grades`, async (request, reply) =>
    bulkUpdate(request, reply, (course, params, gradeData) =>
      Object.entries(gradeData).flatMap(([assignmentId, perStudent]) => {
        const assignment = loadAssignment(store, course, assignmentId);
        if (assignment.published !== 1) throw deny();
        return entriesForAssignment(assignment, isHash(perStudent) ? perStudent : {});
      }),
    ),
  );

  // ProgressController#show: the progress's creator, or anyone managing grades in its course.
  app.get('/api/v1/progress/:id', async (request) => {
    const user = requireUser(request);
    const progress = store.progresses.find(rubyToI(String(railsParams(request).id ?? '')));
    if (!progress) throw notFound();
    const rights =
      progress.context_type === 'Course'
        ? courseRights(store.courses.enrollmentsFor(progress.context_id, user.id))
        : new Set();
    if (progress.user_id !== user.id && !rights.has('manage_grades')) throw deny();
    return progressJson(progress, baseUrl(request));
  });
}
