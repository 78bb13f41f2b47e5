import { expect } from '@esm-bundle/chai';
import {
  gradeSubmission,
  listGradebookHistoryDays,
  listGradebookHistoryFeed,
  listGradebookHistoryGraders,
  listGradebookHistorySubmissions,
  submitAssignment,
} from '../../src/canvas/index.js';
import {
  clientFor,
  createClientFixture,
  expectCanvasError,
  type ClientFixture,
} from './canvas-client-fixture.js';

describe('canvas client: gradebook history', () => {
  let fx: ClientFixture;
  beforeEach(async () => {
    fx = await createClientFixture();
    const ids = { courseId: fx.courseId, assignmentId: fx.assignmentId };
    await submitAssignment(clientFor(fx.student), {
      ...ids,
      submission: { submissionType: 'online_text_entry', body: 'text' },
    });
    await gradeSubmission(clientFor(fx.teacher), { ...ids, userId: fx.student.id, postedGrade: '6' });
    await gradeSubmission(clientFor(fx.teacher), { ...ids, userId: fx.student.id, postedGrade: '8' });
  });

  it('walks days, graders, submissions and the feed', async () => {
    const teacher = clientFor(fx.teacher);
    const days = await listGradebookHistoryDays(teacher, { courseId: fx.courseId });
    expect(days).to.have.length(1);
    const day = days[0]!;
    expect(day.date).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(day.graders.map((g) => g.id)).to.deep.equal([fx.teacher.id]);
    expect(day.graders[0]!.assignments).to.deep.equal([fx.assignmentId]);

    const graders = await listGradebookHistoryGraders(teacher, { courseId: fx.courseId, date: day.date });
    expect(graders.map((g) => g.id)).to.deep.equal([fx.teacher.id]);

    const histories = await listGradebookHistorySubmissions(teacher, {
      courseId: fx.courseId,
      date: day.date,
      graderId: fx.teacher.id,
      assignmentId: fx.assignmentId,
    });
    expect(histories).to.have.length(1);
    const grades = histories[0]!.versions.map((v) => v.new_grade);
    expect(grades).to.include('8');

    const feed = listGradebookHistoryFeed(teacher, {
      courseId: fx.courseId,
      assignmentId: fx.assignmentId,
      perPage: 1,
    });
    const pages: number[] = [];
    for await (const page of feed.pages()) pages.push(page.length);
    expect(pages.every((n) => n === 1)).to.equal(true);
    const versions = await feed.all();
    expect(versions.length).to.be.at.least(2);
    expect(versions[0]!.assignment_name).to.be.a('string');
    expect(versions[0]!.user_id).to.equal(fx.student.id);
  });

  it('is for graders only', async () => {
    await expectCanvasError(
      listGradebookHistoryDays(clientFor(fx.student), { courseId: fx.courseId }),
      [401, 403],
    );
  });
});
