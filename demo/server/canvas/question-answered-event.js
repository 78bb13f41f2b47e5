import { serializerFor } from './answer-serializers.js';

/**
 * QuestionAnsweredEventExtractor + QuestionAnsweredEventOptimizer: the question_answered event
 * for one answer backup. `record` is the submission_data merged in; every question with a key
 * in it contributes `{quiz_question_id: "<id>", answer: <deserialized>}`. Answers whose JSON
 * equals the latest earlier answer for that question in this attempt are dropped; returns
 * null when nothing remains (then no event is saved).
 */
export function buildQuestionAnsweredEvent({ quizData, record, submissionData, previousEvents }) {
  const names = Object.keys(record).filter((name) => !name.endsWith('_marked'));
  const latest = new Map();
  for (const event of previousEvents) {
    for (const entry of Array.isArray(event.event_data) ? event.event_data : []) {
      latest.set(String(entry.quiz_question_id), JSON.stringify(entry.answer));
    }
  }
  const answers = [];
  for (const question of quizData ?? []) {
    const serializer = serializerFor(question);
    if (!names.some((name) => serializer.owns(question, name))) continue;
    const answer = serializer.deserialize(question, submissionData);
    if (latest.get(String(question.id)) === JSON.stringify(answer)) continue;
    answers.push({ quiz_question_id: String(question.id), answer });
  }
  return answers.length === 0 ? null : answers;
}
