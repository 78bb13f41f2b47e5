import { expect } from '@esm-bundle/chai';
import {
  completeQuizSubmission,
  createCanvasClient,
  getAll,
  getQuizSubmission,
  getQuizSubmissionTime,
  listQuizSubmissionEvents,
  listQuizSubmissions,
  startQuizSubmission,
  submitQuizSubmissionEvents,
  updateQuizSubmissionScores,
  uploadQuizSubmissionFile,
  type QuizSubmission,
} from '../../src/canvas/index.js';
import {
  clientFor,
  createClientFixture,
  expectCanvasError,
  uploadsRouted,
  type ClientFixture,
} from './canvas-client-fixture.js';

describe('canvas client: quiz submissions', () => {
  let fx: ClientFixture;
  beforeEach(async () => {
    fx = await createClientFixture();
  });

  const start = (): Promise<QuizSubmission<number>> =>
    startQuizSubmission(clientFor(fx.student), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      accessCode: 'letmein',
    });

  it('starts an attempt with every QuizSubmission field', async () => {
    const qs = await start();
    expect(qs.id).to.be.a('number');
    expect(qs.user_id).to.equal(fx.student.id);
    expect(qs.quiz_id).to.equal(fx.quizId);
    expect(qs.attempt).to.equal(1);
    expect(qs.workflow_state).to.equal('untaken');
    expect(qs.validation_token).to.match(/^[0-9a-f]{64}$/);
    expect(qs.started_at).to.be.a('string');
    expect(qs.end_at).to.be.a('string');
    expect(qs.finished_at).to.equal(null);
    expect(qs).to.have.property('excused?');
    expect(qs).to.include.keys('attempts_left', 'overdue_and_needs_submission', 'time_spent', 'html_url');
  });

  it('refuses a wrong access code and a second start with typed errors', async () => {
    const client = clientFor(fx.student);
    await expectCanvasError(
      startQuizSubmission(client, { courseId: fx.courseId, quizId: fx.quizId, accessCode: 'nope' }),
      403,
      'invalid access code',
    );
    await start();
    const error = await expectCanvasError(start(), 409, 'a quiz submission already exists');
    expect(error.canvasStatus).to.equal('conflict');
    expect(JSON.parse(error.body)).to.deep.equal({
      status: 'conflict',
      message: 'a quiz submission already exists',
    });
    expect(error.method).to.equal('POST');
    expect(error.url).to.contain(`/quizzes/${fx.quizId}/submissions`);
  });

  it('sends preview as a JSON boolean: false starts a real attempt, true a preview', async () => {
    const real = await startQuizSubmission(clientFor(fx.student), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      accessCode: 'letmein',
      preview: false,
    });
    expect(real.workflow_state).to.equal('untaken');
    const preview = await startQuizSubmission(clientFor(fx.teacher), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      accessCode: 'letmein',
      preview: true,
    });
    expect(preview.workflow_state).to.equal('preview');
  });

  it('gets one by id and by self, with include[] and attempt', async () => {
    const qs = await start();
    const client = clientFor(fx.student);
    const byId = await getQuizSubmission(client, { courseId: fx.courseId, quizId: fx.quizId, id: qs.id });
    expect(byId.id).to.equal(qs.id);
    const self = await getQuizSubmission(client, {
      courseId: fx.courseId,
      quizId: fx.quizId,
      id: 'self',
      include: ['quiz', 'user'],
      attempt: 1,
    });
    expect(self.id).to.equal(qs.id);
    expect(self.attempt).to.equal(1);
    await expectCanvasError(
      getQuizSubmission(client, { courseId: fx.courseId, quizId: fx.quizId, id: 999999 }),
      404,
      'The specified resource does not exist.',
    );
  });

  it('lists submissions for the teacher, page by page', async () => {
    await start();
    await startQuizSubmission(clientFor(fx.student2), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      accessCode: 'letmein',
    });
    const list = listQuizSubmissions(clientFor(fx.teacher), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      perPage: 1,
    });
    const pages: number[] = [];
    for await (const page of list.pages()) pages.push(page.length);
    expect(pages).to.deep.equal([1, 1]);
    const all = await getAll(list);
    expect(all.map((qs) => qs.user_id).sort()).to.deep.equal([fx.student.id, fx.student2.id].sort());
  });

  it('reports the time left to the owner only', async () => {
    const qs = await start();
    const time = await getQuizSubmissionTime(clientFor(fx.student), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      id: qs.id,
    });
    expect(time.end_at).to.equal(qs.end_at);
    expect(time.time_left).to.be.within(29 * 60, 30 * 60);
    await expectCanvasError(
      getQuizSubmissionTime(clientFor(fx.teacher), { courseId: fx.courseId, quizId: fx.quizId, id: qs.id }),
      [401, 403],
      'user not authorized to perform that action',
    );
  });

  it('completes with the token and attempt, and reports each refusal', async () => {
    const qs = await start();
    const client = clientFor(fx.student);
    const base = { courseId: fx.courseId, quizId: fx.quizId, id: qs.id, accessCode: 'letmein' };
    await expectCanvasError(
      completeQuizSubmission(client, { ...base, attempt: 1, validationToken: 'aaaooeeeee' }),
      403,
      'invalid token',
    );
    await expectCanvasError(
      completeQuizSubmission(client, { ...base, attempt: 123123123, validationToken: qs.validation_token }),
      400,
      'attempt 123123123 can not be modified',
    );
    const done = await completeQuizSubmission(client, {
      ...base,
      attempt: qs.attempt,
      validationToken: qs.validation_token,
    });
    expect(['complete', 'pending_review']).to.include(done.workflow_state);
    expect(done.finished_at).to.be.a('string');
    expect(done.result_url).to.be.a('string');
    await expectCanvasError(
      completeQuizSubmission(client, { ...base, attempt: qs.attempt, validationToken: qs.validation_token }),
      400,
      'quiz submission is already complete',
    );
  });

  it('submits events and reads them back paginated as the teacher', async () => {
    const qs = await start();
    const events = Array.from({ length: 5 }, (_, i) => ({
      event_type: i % 2 === 0 ? 'page_blurred' : 'page_focused',
      client_timestamp: new Date().toJSON(),
      ...(i === 4 ? { event_data: { flagged: true, questionId: '1' } } : {}),
    }));
    await submitQuizSubmissionEvents(clientFor(fx.student), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      id: qs.id,
      events,
    });
    const list = listQuizSubmissionEvents(clientFor(fx.teacher), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      id: qs.id,
      perPage: 2,
    });
    const sizes: number[] = [];
    for await (const page of list.pages()) sizes.push(page.length);
    expect(sizes).to.deep.equal([2, 2, 2]);
    const rows = [];
    for await (const row of list) rows.push(row);
    expect(rows.map((row) => row.event_type)).to.deep.equal([
      'submission_created',
      'page_blurred',
      'page_focused',
      'page_blurred',
      'page_focused',
      'page_blurred',
    ]);
    expect(rows[5]!.event_data).to.deep.equal({ flagged: true, questionId: '1' });
    await expectCanvasError(
      listQuizSubmissionEvents(clientFor(fx.student), {
        courseId: fx.courseId,
        quizId: fx.quizId,
        id: qs.id,
      }).all(),
      [401, 403],
    );
  });

  it('says when log auditing is off', async () => {
    fx = await createClientFixture({ quizLogAuditing: false });
    const qs = await start();
    await expectCanvasError(
      listQuizSubmissionEvents(clientFor(fx.teacher), {
        courseId: fx.courseId,
        quizId: fx.quizId,
        id: qs.id,
      }).all(),
      400,
      'quiz log auditing must be enabled',
    );
  });

  it('updates scores and comments on a completed attempt as the teacher', async () => {
    const qs = await start();
    await completeQuizSubmission(clientFor(fx.student), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      id: qs.id,
      attempt: qs.attempt,
      validationToken: qs.validation_token,
      accessCode: 'letmein',
    });
    const essayId = fx.questionIds[fx.questionIds.length - 1]!;
    const scored = await updateQuizSubmissionScores(clientFor(fx.teacher), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      id: qs.id,
      attempt: qs.attempt,
      fudgePoints: 1,
      questions: { [String(essayId)]: { score: 4, comment: 'Good' } },
    });
    expect(scored.id).to.equal(qs.id);
    expect(scored.fudge_points).to.equal(1);
    await expectCanvasError(
      updateQuizSubmissionScores(clientFor(fx.student), {
        courseId: fx.courseId,
        quizId: fx.quizId,
        id: qs.id,
        attempt: qs.attempt,
        fudgePoints: 100,
      }),
      [401, 403],
    );
  });

  it('uploads a file for the quiz submission in three steps', async function () {
    if (!(await uploadsRouted())) this.skip();
    await start();
    const file = await uploadQuizSubmissionFile(clientFor(fx.student), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      file: new Blob(['hello quiz'], { type: 'text/plain' }),
      name: 'answer.txt',
      onDuplicate: 'rename',
    });
    expect(file.id).to.be.a('number');
    expect(file.display_name).to.equal('answer.txt');
    expect(file.size).to.equal(10);
  });

  it('renders string ids for a stringIds client', async () => {
    await start();
    const client = createCanvasClient({ auth: { type: 'bearer', token: fx.student.token }, stringIds: true });
    const qs = await getQuizSubmission(client, { courseId: fx.courseId, quizId: fx.quizId, id: 'self' });
    const id: string = qs.id;
    expect(id).to.be.a('string');
    expect(qs.user_id).to.equal(String(fx.student.id));
    expect(qs.quiz_id).to.equal(String(fx.quizId));
  });
});
