import { expect } from '@esm-bundle/chai';
import {
  answerQuizSubmissionQuestions,
  completeQuizSubmission,
  flagQuizSubmissionQuestion,
  listQuizSubmissionQuestions,
  startQuizSubmission,
  unflagQuizSubmissionQuestion,
  type QuizQuestionAnswer,
  type QuizSubmission,
} from '../../src/canvas/index.js';
import {
  clientFor,
  createClientFixture,
  expectCanvasError,
  type ClientFixture,
} from './canvas-client-fixture.js';

// Type-level checks: a question type fixes its answer's shape.
const typedAnswers: QuizQuestionAnswer[] = [
  { id: 1, type: 'essay_question', answer: '<p>text</p>' },
  { id: 2, type: 'multiple_answers_question', answer: [1, 2] },
  { id: 3, type: 'matching_question', answer: [{ answer_id: 1, match_id: 2 }] },
  { id: 4, type: 'fill_in_multiple_blanks_question', answer: { color: 'red' } },
  { id: 5, answer: 42 },
];
// @ts-expect-error: a multiple-choice answer is one answer id, not a list.
const wrongAnswer: QuizQuestionAnswer = { id: 1, type: 'multiple_choice_question', answer: [1] };

describe('canvas client: quiz submission questions', () => {
  let fx: ClientFixture;
  let qs: QuizSubmission<number>;
  const creds = () => ({
    quizSubmissionId: qs.id,
    attempt: qs.attempt,
    validationToken: qs.validation_token,
    accessCode: 'letmein',
  });

  beforeEach(async () => {
    fx = await createClientFixture();
    qs = await startQuizSubmission(clientFor(fx.student), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      accessCode: 'letmein',
    });
  });

  it('compiles typed answers', () => {
    expect(typedAnswers).to.have.length(5);
    expect(wrongAnswer.id).to.equal(1);
  });

  it('lists the questions of an attempt', async () => {
    const questions = await listQuizSubmissionQuestions(clientFor(fx.student), {
      quizSubmissionId: qs.id,
      include: ['quiz_question'],
    });
    expect(questions.map((q) => q.id)).to.deep.equal(fx.questionIds);
    expect(questions.every((q) => !q.flagged)).to.equal(true);
  });

  it('answers, then flags and unflags a question', async () => {
    const client = clientFor(fx.student);
    const questions = await listQuizSubmissionQuestions(client, {
      quizSubmissionId: qs.id,
      include: ['quiz_question'],
    });
    const mc = questions.find((q) => q.question_type === 'multiple_choice_question')!;
    const short = questions.find((q) => q.question_type === 'short_answer_question')!;
    const answerId = mc.answers![0]!.id;
    const answered = await answerQuizSubmissionQuestions(client, {
      ...creds(),
      answers: [
        { id: mc.id, type: 'multiple_choice_question', answer: answerId },
        { id: short.id, type: 'short_answer_question', answer: 'qla_events' },
      ],
    });
    expect(String(answered.find((q) => q.id === mc.id)?.answer)).to.equal(String(answerId));
    expect(answered.find((q) => q.id === short.id)?.answer).to.equal('qla_events');

    const flagged = await flagQuizSubmissionQuestion(client, { ...creds(), questionId: mc.id });
    expect(flagged).to.include({ id: mc.id, flagged: true });
    const unflagged = await unflagQuizSubmissionQuestion(client, { ...creds(), questionId: mc.id });
    expect(unflagged).to.include({ id: mc.id, flagged: false });
  });

  it('reports a bad answer, a bad token and a completed attempt', async () => {
    const client = clientFor(fx.student);
    const mcId = fx.questionIds[0]!;
    await expectCanvasError(
      answerQuizSubmissionQuestions(client, { ...creds(), answers: [{ id: mcId, answer: 123 }] }),
      400,
      "Unknown answer '123'",
    );
    await expectCanvasError(
      flagQuizSubmissionQuestion(client, { ...creds(), validationToken: 'wrong', questionId: mcId }),
      403,
      'invalid token',
    );
    await completeQuizSubmission(client, {
      courseId: fx.courseId,
      quizId: fx.quizId,
      id: qs.id,
      attempt: qs.attempt,
      validationToken: qs.validation_token,
      accessCode: 'letmein',
    });
    await expectCanvasError(
      answerQuizSubmissionQuestions(client, { ...creds(), answers: [{ id: mcId, answer: 'x' }] }),
      // §3.7 has both: the :update right (owner and untaken) fails first with a 403, and the
      // service's own check would answer 400.
      [400, 403],
      /quiz submission is already complete|not allowed to update questions/,
    );
  });
});
