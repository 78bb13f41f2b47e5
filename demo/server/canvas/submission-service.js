import { badRequest, CanvasHttpError } from '../http/canvas-errors.js';
import { presentString, valueToBoolean } from '../lib/ruby.js';
import { dbTime } from '../lib/time.js';
import { gradeToScore, scoreToGrade } from './posted-grade.js';
import { markRead } from './submission-read-state.js';

export const SUBMISSION_TYPE = 'Submission';

// SubmissionsController::API_SUBMISSION_TYPES: the fields each API submission type requires.
export const API_SUBMISSION_TYPES = {
  online_text_entry: ['body'],
  online_url: ['url'],
  online_upload: ['file_ids'],
  media_recording: ['media_comment_id', 'media_comment_type'],
  basic_lti_launch: ['url'],
  student_annotation: ['annotatable_attachment_id'],
};

// SubmissionsController renders these with a bare {"message": ...} body.
const messageError = (message) => new CanvasHttpError(400, { message });

/** Submit, grade and comment on assignment submissions; every graded save is versioned. */
export function createSubmissionService({ store, clock }) {
  const now = () => dbTime(clock.now());

  function saveVersioned(submission) {
    const saved = store.submissions.save(submission);
    store.versions.record(SUBMISSION_TYPE, saved.id, saved);
    return saved;
  }

  return {
    /**
     * SubmissionsController#create (API): the type must be an API type the assignment accepts
     * (400 "Invalid submission[submission_type] given"), its fields present (400 "Invalid
     * parameters for submission_type X. Required: submission[f], ..."), and uploads must name
     * the submitter's finished files (400 "No valid file ids given").
     */
    submit(assignment, user, params) {
      const sub = params.submission && typeof params.submission === 'object' ? params.submission : {};
      const type = String(sub.submission_type ?? '');
      if (!Object.hasOwn(API_SUBMISSION_TYPES, type) || !assignment.submission_types.includes(type)) {
        throw messageError('Invalid submission[submission_type] given');
      }
      const required = API_SUBMISSION_TYPES[type];
      const missing = required.some((field) =>
        field === 'file_ids'
          ? !Array.isArray(sub.file_ids) || sub.file_ids.length === 0
          : sub[field] == null || String(sub[field]) === '',
      );
      if (missing) {
        throw messageError(
          `Invalid parameters for submission_type ${type}. Required: ${required.map((f) => `submission[${f}]`).join(', ')}`,
        );
      }
      let attachmentIds = [];
      if (type === 'online_upload') {
        attachmentIds = sub.file_ids
          .map((id) => store.attachments.find(Number.parseInt(String(id), 10)))
          .filter((a) => a && a.user_id === user.id && a.workflow_state === 'processed')
          .map((a) => a.id);
        if (attachmentIds.length === 0) throw messageError('No valid file ids given');
      }
      return store.transaction(() => {
        const current = store.submissions.ensure(assignment.id, user.id);
        const next = {
          ...current,
          attempt: (current.attempt ?? 0) + 1,
          submission_type: type,
          body: type === 'online_text_entry' ? String(sub.body) : null,
          url: type === 'online_url' || type === 'basic_lti_launch' ? String(sub.url) : null,
          attachment_ids: attachmentIds,
          submitted_at: now(),
          workflow_state: 'submitted',
          grade_matches_current_submission: current.score == null,
        };
        const saved = saveVersioned(next);
        const text = presentString(params.comment?.text_comment);
        if (text)
          store.submissions.addComment(saved.id, {
            authorId: user.id,
            comment: text,
            attempt: saved.attempt,
          });
        return saved;
      });
    },

    /**
     * Assignment#grade_student through the API: posted_grade (points, percent, letter,
     * pass/fail; "" clears the grade) or excuse, by `grader`. The owner's "grade" item turns
     * unread. Returns the saved submission.
     */
    grade(assignment, submission, grader, { postedGrade, excuse }) {
      const next = { ...submission };
      if (excuse !== undefined && valueToBoolean(excuse)) {
        Object.assign(next, {
          excused: true,
          score: null,
          grade: null,
          entered_score: null,
          entered_grade: null,
        });
      } else if (postedGrade !== undefined) {
        const text = postedGrade == null ? '' : String(postedGrade).trim();
        if (text === '') {
          Object.assign(next, {
            score: null,
            grade: null,
            entered_score: null,
            entered_grade: null,
            excused: false,
          });
        } else {
          const score = gradeToScore(text, assignment);
          if (score === null) throw badRequest(`Invalid grade: ${text}`);
          const grade = scoreToGrade(score, assignment);
          Object.assign(next, { score, grade, entered_score: score, entered_grade: grade, excused: false });
        }
      } else if (excuse !== undefined) {
        next.excused = false;
      }
      const at = now();
      Object.assign(next, {
        grader_id: grader.id,
        graded_at: at,
        posted_at: next.posted_at ?? at,
        workflow_state:
          next.score == null && !next.excused ? (next.submitted_at ? 'submitted' : 'unsubmitted') : 'graded',
        grade_matches_current_submission: true,
      });
      const saved = saveVersioned(next);
      markRead(store, saved, saved.user_id, 'unread', 'grade');
      return saved;
    },

    /** A comment by `author`; someone else's comment is unread for the owner. */
    comment(submission, author, { text, attempt = null, attachmentIds = [] }) {
      const id = store.submissions.addComment(submission.id, {
        authorId: author.id,
        comment: text,
        attempt: attempt ?? submission.attempt,
        attachmentIds,
      });
      if (author.id !== submission.user_id)
        markRead(store, submission, submission.user_id, 'unread', 'comment');
      return id;
    },

    /** rubric_assessment[<criterion>][points|rating_id|comments]; unknown criteria are ignored. */
    assessRubric(assignment, submission, assessment) {
      const criteria = assignment.rubric ?? [];
      const result = {};
      for (const criterion of criteria) {
        const input = assessment?.[criterion.id];
        if (!input || typeof input !== 'object') continue;
        result[criterion.id] = {
          rating_id: input.rating_id ?? null,
          comments: input.comments ?? null,
          points: input.points == null || input.points === '' ? null : Number(input.points),
        };
      }
      const saved = store.submissions.save({ ...submission, rubric_assessment: result });
      markRead(store, saved, saved.user_id, 'unread', 'rubric');
      return saved;
    },
  };
}
