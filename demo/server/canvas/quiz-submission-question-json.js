import { isGraded } from './quiz-submission-state.js';
import { serializerFor } from './answer-serializers.js';

const CHOICE_TYPES = new Set([
  'multiple_choice_question',
  'true_false_question',
  'multiple_answers_question',
]);

/**
 * The question fields of Api::V1::QuizQuestion for a quiz_data entry. Censored (what takers
 * see): choice answers keep only id and text; other types show no answers at all.
 */
export function quizQuestionJson(question, { quizId, censored }) {
  let answers = question.answers ?? [];
  if (censored)
    answers = CHOICE_TYPES.has(question.question_type) ? answers.map(({ id, text }) => ({ id, text })) : null;
  return {
    id: question.id,
    quiz_id: quizId,
    quiz_group_id: question.quiz_group_id ?? null,
    assessment_question_id: question.assessment_question_id ?? null,
    position: question.position,
    question_name: question.question_name,
    question_type: question.question_type,
    question_text: question.question_text,
    points_possible: question.points_possible,
    answers,
  };
}

/**
 * Api::V1::QuizSubmissionQuestion: the question plus `flagged` (question_<id>_marked) and the
 * deserialized `answer`; once graded (submission_data is an array) `flagged: false` and
 * `correct` instead of the answer.
 */
export function quizSubmissionQuestionJson(question, qs, { censored }) {
  const json = quizQuestionJson(question, { quizId: qs.quiz_id, censored });
  if (isGraded(qs)) {
    const graded = qs.submission_data.find((entry) => entry.question_id === question.id);
    return { ...json, flagged: false, correct: graded?.correct ?? null };
  }
  const data = qs.submission_data ?? {};
  return {
    ...json,
    flagged: data[`question_${question.id}_marked`] === true,
    answer: serializerFor(question).deserialize(question, data),
  };
}
