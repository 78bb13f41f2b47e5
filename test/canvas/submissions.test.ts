import { expect } from '@esm-bundle/chai';
import {
  CanvasTimeoutError,
  createCanvasClient,
  createPeerReview,
  deletePeerReview,
  getProgress,
  getSubmission,
  gradeSubmission,
  listGroupedSubmissions,
  listMultipleSubmissions,
  listPeerReviews,
  listSubmissions,
  markSubmissionRead,
  markSubmissionUnread,
  submitAssignment,
  updateCourseGrades,
  updateGrades,
  uploadSubmissionCommentFile,
  uploadSubmissionFile,
  waitForProgress,
  type SubmitAssignmentParams,
} from '../../src/canvas/index.js';
import {
  addFault,
  clearFaults,
  clientFor,
  createClientFixture,
  expectCanvasError,
  logIn,
  logOut,
  uploadsRouted,
  type ClientFixture,
} from './canvas-client-fixture.js';

// Type-level check: each submission type takes exactly its own fields.
const wrongCombination: SubmitAssignmentParams = {
  courseId: 1,
  assignmentId: 1,
  // @ts-expect-error: an online_url submission has a url, not a body.
  submission: { submissionType: 'online_url', body: 'text' },
};

describe('canvas client: assignment submissions', () => {
  let fx: ClientFixture;
  beforeEach(async () => {
    fx = await createClientFixture();
  });
  afterEach(logOut);

  const ids = () => ({ courseId: fx.courseId, assignmentId: fx.assignmentId });
  const submitText = (body = 'My reflection') =>
    submitAssignment(clientFor(fx.student), {
      ...ids(),
      submission: { submissionType: 'online_text_entry', body },
      comment: 'Please look',
    });

  it('keeps the wrong-combination check a compile-time one', () => {
    expect(wrongCombination.courseId).to.equal(1);
  });

  it('submits text and refuses a type the assignment does not take', async () => {
    const submission = await submitText();
    expect(submission.assignment_id).to.equal(fx.assignmentId);
    expect(submission.user_id).to.equal(fx.student.id);
    expect(submission.submission_type).to.equal('online_text_entry');
    expect(submission.body).to.equal('My reflection');
    expect(submission.workflow_state).to.equal('submitted');
    expect(submission.submitted_at).to.be.a('string');
    await expectCanvasError(
      submitAssignment(clientFor(fx.student), {
        ...ids(),
        submission: { submissionType: 'media_recording', mediaCommentId: 'm1', mediaCommentType: 'audio' },
      }),
      400,
      'Invalid submission[submission_type] given',
    );
  });

  it('submits a URL through a cookie session', async () => {
    await logIn(fx.student);
    const submission = await submitAssignment(createCanvasClient(), {
      ...ids(),
      submission: { submissionType: 'online_url', url: 'https://example.com/essay' },
    });
    expect(submission.url).to.equal('https://example.com/essay');
    const read = await getSubmission(createCanvasClient(), { ...ids(), userId: 'self' });
    expect(read.id).to.equal(submission.id);
  });

  it('gets one submission with include[] and lists them paginated', async () => {
    await submitText();
    const one = await getSubmission(clientFor(fx.teacher), {
      ...ids(),
      userId: fx.student.id,
      include: ['submission_comments', 'user'],
    });
    expect(one.user_id).to.equal(fx.student.id);
    expect(one.submission_comments?.map((c) => c.comment)).to.deep.equal(['Please look']);
    expect(one.user).to.be.an('object');

    const list = listSubmissions(clientFor(fx.teacher), { ...ids(), perPage: 1, include: ['user'] });
    const sizes: number[] = [];
    for await (const page of list.pages()) sizes.push(page.length);
    expect(sizes).to.deep.equal([1, 1]);
    const all = await list.all();
    expect(all.map((s) => s.user_id).sort()).to.deep.equal([fx.student.id, fx.student2.id].sort());
  });

  it('lists across students and assignments, flat and grouped', async () => {
    await submitText();
    const flat = await listMultipleSubmissions(clientFor(fx.teacher), {
      courseId: fx.courseId,
      studentIds: 'all',
      assignmentIds: [fx.assignmentId],
    }).all();
    expect(flat.map((s) => s.user_id).sort()).to.deep.equal([fx.student.id, fx.student2.id].sort());
    const grouped = await listGroupedSubmissions(clientFor(fx.teacher), {
      courseId: fx.courseId,
      studentIds: [fx.student.id],
      assignmentIds: [fx.assignmentId],
    }).all();
    expect(grouped).to.have.length(1);
    expect(grouped[0]!.user_id).to.equal(fx.student.id);
    expect(grouped[0]!.submissions[0]!.body).to.equal('My reflection');
  });

  it('grades with a rubric and a comment, excuses, and refuses a student', async () => {
    await submitText();
    const graded = await gradeSubmission(clientFor(fx.teacher), {
      ...ids(),
      userId: fx.student.id,
      postedGrade: '8',
      comment: { textComment: 'Nice work' },
      rubricAssessment: { crit_clarity: { points: 5, rating_id: 'rat_clear' }, crit_evidence: { points: 3 } },
      includeVisibility: true,
    });
    expect(graded.score).to.equal(8);
    expect(graded.grade).to.equal('8');
    expect(graded.workflow_state).to.equal('graded');
    expect(graded.grader_id).to.equal(fx.teacher.id);
    const withComments = await getSubmission(clientFor(fx.student), {
      ...ids(),
      userId: 'self',
      include: ['submission_comments', 'rubric_assessment'],
    });
    expect(withComments.submission_comments?.map((c) => c.comment)).to.include('Nice work');

    const excused = await gradeSubmission(clientFor(fx.teacher), {
      ...ids(),
      userId: fx.student2.id,
      excuse: true,
    });
    expect(excused.excused).to.equal(true);

    await expectCanvasError(
      gradeSubmission(clientFor(fx.student), { ...ids(), userId: fx.student.id, postedGrade: '10' }),
      [401, 403],
    );
  });

  it('bulk-grades through a Progress and waits for it', async () => {
    await expectCanvasError(
      updateGrades(clientFor(fx.teacher), { ...ids(), gradeData: {} }),
      400,
      "'grade_data' parameter required",
    );
    const progress = await updateGrades(clientFor(fx.teacher), {
      ...ids(),
      gradeData: {
        [String(fx.student.id)]: { postedGrade: '7', textComment: 'bulk' },
        [String(fx.student2.id)]: { excuse: true },
      },
    });
    expect(progress.tag).to.equal('submissions_update');
    expect(['queued', 'running', 'completed']).to.include(progress.workflow_state);
    const done = await waitForProgress(clientFor(fx.teacher), progress, {
      intervalMs: 50,
      timeoutMs: 10_000,
    });
    expect(done.workflow_state).to.equal('completed');
    expect((await getProgress(clientFor(fx.teacher), { id: progress.id })).id).to.equal(progress.id);
    const student = await getSubmission(clientFor(fx.teacher), { ...ids(), userId: fx.student.id });
    expect(student.score).to.equal(7);

    const course = await updateCourseGrades(clientFor(fx.teacher), {
      courseId: fx.courseId,
      gradeData: { [String(fx.assignmentId)]: { [String(fx.student.id)]: { postedGrade: '9' } } },
    });
    await waitForProgress(clientFor(fx.teacher), course, { intervalMs: 50, timeoutMs: 10_000 });
    expect((await getSubmission(clientFor(fx.teacher), { ...ids(), userId: fx.student.id })).score).to.equal(
      9,
    );
  });

  it('gives up waiting for a Progress after timeoutMs', async () => {
    await addFault({
      path: '/api/v1/progress/',
      action: 'status',
      status: 200,
      times: 20,
      body: { id: 1, tag: 'submissions_update', workflow_state: 'running', url: '' },
    });
    let caught: unknown;
    try {
      await waitForProgress(clientFor(fx.teacher), { id: 1 }, { intervalMs: 20, timeoutMs: 50 });
    } catch (error) {
      caught = error;
    } finally {
      await clearFaults();
    }
    expect(caught).to.be.instanceOf(CanvasTimeoutError);
    expect((caught as CanvasTimeoutError).code).to.equal('canvas_timeout');
  });

  it('creates, lists and deletes peer reviews', async () => {
    await submitText();
    const teacher = clientFor(fx.teacher);
    const submission = await getSubmission(teacher, { ...ids(), userId: fx.student.id });
    const review = await createPeerReview(teacher, {
      ...ids(),
      submissionId: submission.id,
      userId: fx.student2.id,
    });
    expect(review).to.include({
      assessor_id: fx.student2.id,
      user_id: fx.student.id,
      asset_id: submission.id,
      asset_type: 'Submission',
      workflow_state: 'assigned',
    });
    await expectCanvasError(
      createPeerReview(teacher, { ...ids(), submissionId: submission.id, userId: fx.student.id }),
      400,
      'Create failed',
    );
    expect((await listPeerReviews(teacher, ids())).map((r) => r.id)).to.deep.equal([review.id]);
    const forSubmission = await listPeerReviews(teacher, {
      ...ids(),
      submissionId: submission.id,
      include: ['user'],
    });
    expect(forSubmission.map((r) => r.assessor_id)).to.deep.equal([fx.student2.id]);
    const deleted = await deletePeerReview(teacher, {
      ...ids(),
      submissionId: submission.id,
      userId: fx.student2.id,
    });
    expect(deleted.id).to.equal(review.id);
    await expectCanvasError(
      deletePeerReview(teacher, { ...ids(), submissionId: submission.id, userId: fx.student2.id }),
      400,
      'Delete failed',
    );
  });

  it('marks a submission read and unread', async () => {
    await submitText();
    await gradeSubmission(clientFor(fx.teacher), { ...ids(), userId: fx.student.id, postedGrade: '5' });
    const student = clientFor(fx.student);
    await markSubmissionRead(student, { ...ids(), userId: 'self' });
    expect(
      (await getSubmission(student, { ...ids(), userId: 'self', include: ['read_status'] })).read_status,
    ).to.equal('read');
    await markSubmissionUnread(student, { ...ids(), userId: 'self' });
    expect(
      (await getSubmission(student, { ...ids(), userId: 'self', include: ['read_status'] })).read_status,
    ).to.equal('unread');
    await markSubmissionRead(student, { ...ids(), userId: 'self', item: 'grade' });
  });

  it('uploads a file, submits it, and attaches another to a comment', async function () {
    if (!(await uploadsRouted())) this.skip();
    const student = clientFor(fx.student);
    const file = await uploadSubmissionFile(student, {
      ...ids(),
      userId: 'self',
      file: new Blob(['%PDF-1.4 reflection'], { type: 'application/pdf' }),
      name: 'reflection.pdf',
    });
    expect(file.display_name).to.equal('reflection.pdf');
    expect(file['content-type']).to.equal('application/pdf');
    const submission = await submitAssignment(student, {
      ...ids(),
      submission: { submissionType: 'online_upload', fileIds: [file.id] },
    });
    expect(submission.submission_type).to.equal('online_upload');
    expect(submission.attachments?.map((a) => a.id)).to.deep.equal([file.id]);

    const attachment = await uploadSubmissionCommentFile(student, {
      ...ids(),
      userId: 'self',
      file: new Blob(['notes'], { type: 'text/plain' }),
      name: 'notes.txt',
    });
    const commented = await gradeSubmission(student, {
      ...ids(),
      userId: 'self',
      comment: { textComment: 'see attached', fileIds: [attachment.id] },
    });
    expect(commented.id).to.equal(submission.id);
  });
});
