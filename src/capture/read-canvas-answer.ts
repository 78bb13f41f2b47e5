import type { CanvasAnswer } from '../events/event-data.js';

type AnswerInput = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const toId = (value: string): number | string => (/^\d+$/.test(value) ? Number(value) : value);

/**
 * A question's answer in the format of Canvas's Quiz Submission Questions API, read from the take
 * page's form controls. The names alone tell the type apart, as Canvas renders them:
 * `question_<id>` (radio: choice id; select: dropdown id; text/textarea: the text),
 * `question_<id>_answer_<answer_id>` (checkbox: multiple answers; select: matching) and
 * `question_<id>_<blank>` (select: multiple dropdowns; text: fill in multiple blanks).
 * `undefined` when the question has no answer inputs or no choice is made.
 */
export function readCanvasAnswer(question: Element, questionId: string): CanvasAnswer | undefined {
  const prefix = `question_${questionId}`;
  let single: CanvasAnswer | undefined;
  let chosen: number[] | undefined;
  let matches: { answer_id: number; match_id: number }[] | undefined;
  let blanks: Record<string, string | number> | undefined;
  for (const input of question.querySelectorAll<AnswerInput>('input, select, textarea')) {
    const { name } = input;
    if (input.type === 'hidden' || input.type === 'file') continue;
    if (name === prefix) {
      if (input instanceof HTMLInputElement && input.type === 'radio') {
        if (input.checked) single = toId(input.value);
      } else if (input instanceof HTMLSelectElement) {
        single = input.value === '' ? undefined : toId(input.value);
      } else {
        single = input.value;
      }
      continue;
    }
    if (!name.startsWith(`${prefix}_`)) continue;
    const rest = name.slice(prefix.length + 1);
    const answerId = /^answer_(\d+)$/.exec(rest)?.[1];
    if (answerId !== undefined && input instanceof HTMLInputElement && input.type === 'checkbox') {
      chosen ??= [];
      if (input.checked) chosen.push(Number(answerId));
    } else if (answerId !== undefined && input instanceof HTMLSelectElement) {
      matches ??= [];
      if (input.value !== '') matches.push({ answer_id: Number(answerId), match_id: Number(input.value) });
    } else {
      blanks ??= {};
      const blank = input.getAttribute('data-quiz-blank') ?? rest;
      if (input instanceof HTMLSelectElement) {
        if (input.value !== '') blanks[blank] = toId(input.value);
      } else {
        blanks[blank] = input.value;
      }
    }
  }
  return single ?? chosen ?? matches ?? blanks;
}
