import { renderTime } from '../lib/time.js';
import { fileJson } from './file-uploads.js';
import { readState } from './submission-read-state.js';

const asArray = (value) => (value == null ? [] : Array.isArray(value) ? value : [value]);

export const userDisplay = (user, base) =>
  user && {
    id: user.id,
    display_name: user.short_name ?? user.name,
    avatar_image_url: `${base}/images/messages/avatar-50.png`,
    html_url: `${base}/about/${user.id}`,
  };

/** SubmissionComment JSON (Api::V1::SubmissionComment). */
export function submissionCommentJson(store, comment, base) {
  const author = comment.author_id == null ? null : store.users.find(comment.author_id);
  return {
    id: comment.id,
    author_id: comment.author_id,
    author_name: author?.name ?? null,
    comment: comment.comment,
    created_at: renderTime(comment.created_at),
    edited_at: null,
    attempt: comment.attempt,
    attachments: comment.attachment_ids
      .map((id) => store.attachments.find(id))
      .filter(Boolean)
      .map((a) => fileJson(a, base)),
    author: userDisplay(author, base),
  };
}

/**
 * Api::V1::Submission#submission_json: the Submission keys, plus per include[]:
 * submission_history, submission_comments, rubric_assessment, assignment, course, user,
 * read_status, visibility (assignment_visible). Attachments ride along for uploads.
 */
export function submissionJson(
  store,
  submission,
  { assignment, course, base, currentUser, includes = [], now },
) {
  const include = new Set(asArray(includes).map(String));
  const due = assignment.due_at ? Date.parse(assignment.due_at) : null;
  const submittedAt = submission.submitted_at ? Date.parse(submission.submitted_at) : null;
  const secondsLate =
    due != null && submittedAt != null && submittedAt > due ? Math.round((submittedAt - due) / 1000) : 0;
  const missing =
    submission.submitted_at == null &&
    due != null &&
    due < now.getTime() &&
    !submission.excused &&
    submission.score == null;
  const url = `${base}/courses/${course.id}/assignments/${assignment.id}/submissions/${submission.user_id}`;
  const json = {
    id: submission.id,
    body: submission.body,
    url: submission.url,
    grade: submission.excused ? null : submission.grade,
    score: submission.excused ? null : submission.score,
    submitted_at: renderTime(submission.submitted_at),
    assignment_id: submission.assignment_id,
    user_id: submission.user_id,
    submission_type: submission.submission_type,
    workflow_state: submission.workflow_state,
    grade_matches_current_submission: submission.grade_matches_current_submission !== false,
    graded_at: renderTime(submission.graded_at),
    grader_id: submission.grader_id,
    attempt: submission.attempt,
    cached_due_date: renderTime(assignment.due_at),
    excused: submission.excused === true,
    late_policy_status: submission.late_policy_status,
    points_deducted: submission.late_policy_status ? 0 : null,
    grading_period_id: null,
    extra_attempts: null,
    posted_at: renderTime(submission.posted_at),
    redo_request: false,
    late: secondsLate > 0,
    missing,
    seconds_late: secondsLate,
    entered_grade: submission.excused ? null : submission.entered_grade,
    entered_score: submission.excused ? null : submission.entered_score,
    preview_url: `${url}?preview=1&version=${Math.max(0, (submission.attempt ?? 1) - 1)}`,
    html_url: url,
    anonymous_id: anonymousId(submission.id),
  };
  if (submission.attachment_ids.length > 0 || submission.submission_type === 'online_upload') {
    json.attachments = submission.attachment_ids
      .map((id) => store.attachments.find(id))
      .filter(Boolean)
      .map((a) => fileJson(a, base));
  }
  if (include.has('submission_comments') || include.has('submission_html_comments')) {
    json.submission_comments = store.submissions
      .comments(submission.id)
      .map((c) => submissionCommentJson(store, c, base));
  }
  if (include.has('submission_history')) {
    json.submission_history = store.versions
      .allOfType('Submission')
      .filter((v) => v.versionable_id === submission.id)
      .map((v) => ({
        ...submissionJson(
          store,
          { ...submission, ...v.model },
          { assignment, course, base, currentUser, now },
        ),
      }));
    if (json.submission_history.length === 0) json.submission_history = [{ ...json }];
  }
  if (include.has('rubric_assessment') && submission.rubric_assessment)
    json.rubric_assessment = submission.rubric_assessment;
  if (include.has('assignment')) {
    json.assignment = {
      id: assignment.id,
      name: assignment.title,
      course_id: course.id,
      points_possible: assignment.points_possible,
      grading_type: assignment.grading_type,
      submission_types: assignment.submission_types,
      due_at: renderTime(assignment.due_at),
      published: assignment.published === 1,
      html_url: `${base}/courses/${course.id}/assignments/${assignment.id}`,
    };
  }
  if (include.has('course'))
    json.course = { id: course.id, name: course.name, course_code: course.course_code };
  if (include.has('user')) {
    const user = store.users.find(submission.user_id);
    json.user = user && {
      id: user.id,
      name: user.name,
      sortable_name: user.sortable_name,
      short_name: user.short_name,
    };
  }
  if (include.has('read_status')) json.read_status = readState(store, submission, currentUser);
  if (include.has('visibility')) json.assignment_visible = true;
  return json;
}

// Canvas derives a 5-character anonymous id per submission; any stable short id will do.
const anonymousId = (id) => (id * 7919).toString(36).slice(-5).padStart(5, '0');
