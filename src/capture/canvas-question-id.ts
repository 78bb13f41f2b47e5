const PREFIX = 'question_';

/** A question element's id: `data-quiz-question-id`, else the `<id>` of Canvas's element id `question_<id>`. */
export function canvasQuestionId(question: Element): string | undefined {
  const data = question.getAttribute('data-quiz-question-id');
  if (data !== null) return data.trim();
  // String operations, not a regular expression: this runs for every clipboard, context menu and
  // flag event, where a cold regular expression costs more than the rest of the look-up.
  const { id } = question;
  return id.startsWith(PREFIX) && id.length > PREFIX.length ? id.slice(PREFIX.length) : undefined;
}
