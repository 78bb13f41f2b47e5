/**
 * Whether a question is flagged: `data-quiz-flagged` on the question when present, else Canvas's
 * `marked` class, which the take-quiz page toggles on `.question` when `.flag_question` is clicked.
 */
export function isCanvasFlagged(question: Element, _control: Element): boolean {
  const flagged = question.getAttribute('data-quiz-flagged');
  if (flagged !== null) return flagged !== 'false';
  return question.classList.contains('marked');
}
