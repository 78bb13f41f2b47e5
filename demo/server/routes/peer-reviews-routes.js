import { submissionRights } from '../canvas/rights.js';
import { submissionCommentJson, userDisplay } from '../canvas/submission-json.js';
import { requireUser } from '../http/authenticate.js';
import { baseUrl } from '../http/base-url.js';
import { CanvasHttpError, notFound, unauthorized } from '../http/canvas-errors.js';
import { railsParams } from '../http/rails-params.js';
import { rubyToI } from '../lib/ruby.js';
import { courseRightsFor, loadAssignment, loadCourse } from './canvas-context.js';

const ASSIGNMENT = '/api/v1/courses/:course_id/assignments/:assignment_id';
const asArray = (value) => (value == null ? [] : Array.isArray(value) ? value : [value]);
// PeerReviewsApiController renders failures as {"errors":{"base":"..."}}.
const baseError = (message) => new CanvasHttpError(400, { errors: { base: message } });

/** PeerReviewsApiController: index (assignment / submission), create, destroy. */
export function peerReviewsRoutes(app, canvas) {
  const { store, options } = canvas;
  const deny = () => unauthorized(options.apiAuthErrorUpdates);

  function context(request) {
    const user = requireUser(request);
    const params = railsParams(request);
    const course = loadCourse(store, params.course_id);
    const assignment = loadAssignment(store, course, params.assignment_id);
    const rights = courseRightsFor(store, course, user);
    if (!rights.userCourseRights.has('manage_grades') && !rights.userCourseRights.has('read')) throw deny();
    return { user, params, course, assignment, rights, grader: rights.userCourseRights.has('manage_grades') };
  }
  function submissionOf(ctx) {
    const submission = store.submissions.find(rubyToI(String(ctx.params.submission_id ?? '')));
    if (!submission || submission.assignment_id !== ctx.assignment.id) throw notFound();
    return submission;
  }

  function render(request, ctx, request_) {
    const base = baseUrl(request);
    const include = asArray(ctx.params.include).map(String);
    const json = {
      id: request_.id,
      assessor_id: request_.assessor_id,
      asset_id: request_.asset_id,
      asset_type: 'Submission',
      user_id: request_.user_id,
      workflow_state: request_.workflow_state,
    };
    if (include.includes('user')) {
      json.user = userDisplay(store.users.find(request_.user_id), base);
      json.assessor = userDisplay(store.users.find(request_.assessor_id), base);
    }
    if (include.includes('submission_comments')) {
      json.submission_comments = store.submissions
        .comments(request_.asset_id)
        .filter((c) => c.author_id === request_.assessor_id)
        .map((c) => submissionCommentJson(store, c, base));
    }
    return json;
  }

  // Graders see every review; others only the ones where they are the assessee.
  const visible = (ctx, rows) => (ctx.grader ? rows : rows.filter((r) => r.user_id === ctx.user.id));

  app.get(`${ASSIGNMENT}/peer_reviews`, async (request) => {
    const ctx = context(request);
    return visible(ctx, store.peerReviews.forAssignment(ctx.assignment.id)).map((r) =>
      render(request, ctx, r),
    );
  });
  app.get(`${ASSIGNMENT}/submissions/:submission_id/peer_reviews`, async (request) => {
    const ctx = context(request);
    const submission = submissionOf(ctx);
    return visible(ctx, store.peerReviews.forSubmission(submission.id)).map((r) => render(request, ctx, r));
  });

  // user_id = the reviewer, who must be a student of the course (404 otherwise); needs :grade.
  // Reviewing one's own submission fails: 400 {"errors":{"base":"Create failed"}}.
  app.post(`${ASSIGNMENT}/submissions/:submission_id/peer_reviews`, async (request) => {
    const ctx = context(request);
    const submission = submissionOf(ctx);
    if (!submissionRights({ user: ctx.user, submission, ...ctx.rights }).has('grade')) throw deny();
    const reviewerId = rubyToI(String(ctx.params.user_id ?? ''));
    if (!store.courses.studentIds(ctx.course.id).includes(reviewerId)) throw notFound();
    if (reviewerId === submission.user_id) throw baseError('Create failed');
    return render(request, ctx, store.peerReviews.create(submission, reviewerId));
  });

  // Returns the deleted review; none for that reviewer → 400 {"errors":{"base":"Delete failed"}}.
  app.delete(`${ASSIGNMENT}/submissions/:submission_id/peer_reviews`, async (request) => {
    const ctx = context(request);
    const submission = submissionOf(ctx);
    if (!submissionRights({ user: ctx.user, submission, ...ctx.rights }).has('grade')) throw deny();
    const reviewerId = rubyToI(String(ctx.params.user_id ?? ''));
    if (!store.courses.studentIds(ctx.course.id).includes(reviewerId)) throw notFound();
    const existing = store.peerReviews.find(submission.id, reviewerId);
    if (!existing) throw baseError('Delete failed');
    store.peerReviews.remove(existing.id);
    return render(request, ctx, existing);
  });
}
