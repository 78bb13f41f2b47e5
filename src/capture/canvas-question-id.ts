/** A question element's id: `data-quiz-question-id`, else the `<id>` of Canvas's element id `question_<id>`. */
export function canvasQuestionId(question: Element): string | undefined {
  const data = question.getAttribute('data-quiz-question-id');
  if (data !== null) return data.trim();
  return /^question_(.+)$/.exec(question.id)?.[1];
}
