import { rubyToI } from '../lib/ruby.js';

/**
 * Submission.queue_bulk_update: a Progress (tag "submissions_update") is created queued and
 * returned at once; the job runs on the next turn of the event loop (running → completed, or
 * failed with the error message). grade_data is normalised to [{assignment, userId, data}].
 * Students who are not in the course are skipped, as Canvas's job does.
 */
export function queueBulkUpdate({ store, submissionService }, { course, grader, entries }) {
  const progress = store.progresses.create({
    contextType: 'Course',
    contextId: course.id,
    userId: grader.id,
    tag: 'submissions_update',
  });
  setImmediate(() => {
    try {
      store.progresses.update(progress.id, { workflowState: 'running', completion: 0 });
      const students = store.courses.studentIds(course.id);
      store.transaction(() => {
        for (const { assignment, userId, data } of entries) {
          if (!students.includes(userId)) continue;
          let submission = store.submissions.ensure(assignment.id, userId);
          if (Object.hasOwn(data, 'posted_grade') || Object.hasOwn(data, 'excuse')) {
            submission = submissionService.grade(assignment, submission, grader, {
              postedGrade: data.posted_grade,
              excuse: data.excuse,
            });
          }
          if (data.rubric_assessment && typeof data.rubric_assessment === 'object') {
            submission = submissionService.assessRubric(assignment, submission, data.rubric_assessment);
          }
          if (typeof data.text_comment === 'string' && data.text_comment.trim() !== '') {
            submissionService.comment(submission, grader, { text: data.text_comment });
          }
        }
      });
      store.progresses.update(progress.id, { workflowState: 'completed', completion: 100 });
    } catch (error) {
      store.progresses.update(progress.id, {
        workflowState: 'failed',
        completion: 0,
        message: String(error.message),
      });
    }
  });
  return progress;
}

/** grade_data[<student_id>][...] for one assignment. */
export const entriesForAssignment = (assignment, gradeData) =>
  Object.entries(gradeData).map(([userId, data]) => ({
    assignment,
    userId: rubyToI(userId),
    data: data ?? {},
  }));
