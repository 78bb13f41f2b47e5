import { dbTime } from '../lib/time.js';
import { fromJsonColumn, toJsonColumn } from './json-column.js';

const hydrate = (row) =>
  row && {
    ...row,
    submission_types: row.submission_types.split(',').filter(Boolean),
    rubric: fromJsonColumn(row.rubric),
  };

export function createAssignmentsStore(db, clock) {
  const insert = db.prepare(
    `INSERT INTO assignments (course_id, title, description, points_possible, grading_type, submission_types, due_at, published, rubric, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare(
    `SELECT * FROM assignments WHERE id = ? AND course_id = ? AND workflow_state <> 'deleted'`,
  );
  const forCourse = db.prepare(
    `SELECT * FROM assignments WHERE course_id = ? AND workflow_state <> 'deleted' ORDER BY id`,
  );

  return {
    create(
      courseId,
      {
        title,
        description = '',
        pointsPossible = 10,
        gradingType = 'points',
        submissionTypes = ['online_text_entry'],
        dueAt = null,
        published = true,
        rubric = null,
      },
    ) {
      const now = dbTime(clock.now());
      const { lastInsertRowid } = insert.run(
        courseId,
        title,
        description,
        pointsPossible,
        gradingType,
        submissionTypes.join(','),
        dueAt,
        published ? 1 : 0,
        toJsonColumn(rubric),
        now,
        now,
      );
      return hydrate(byId.get(Number(lastInsertRowid), courseId));
    },
    find: (courseId, id) => hydrate(byId.get(id, courseId)) ?? null,
    forCourse: (courseId) => forCourse.all(courseId).map(hydrate),
    update(assignment, { grading_type, published }) {
      if (grading_type !== undefined)
        db.prepare(`UPDATE assignments SET grading_type = ? WHERE id = ?`).run(grading_type, assignment.id);
      if (published !== undefined)
        db.prepare(`UPDATE assignments SET published = ? WHERE id = ?`).run(published ? 1 : 0, assignment.id);
      return hydrate(byId.get(assignment.id, assignment.course_id));
    },
  };
}
