import { escapeHtml } from './escape-html.js';

// quizzes/quizzes/_display_question (assessing), _multi_answer and _single_answer: one
// question of the take page, inputs named as Canvas names them (canvas-pages.md §1.3) and
// filled from the attempt's stored answers. The flag control exists only when the quiz lets
// students go back. Question text is the teacher's HTML (user_content); answer texts are text.

const answerId = (question, answer) => `question_${question.id}_answer_${answer.id}`;

function choiceAnswer(question, answer, stored, type) {
  const id = answerId(question, answer);
  const input =
    type === 'checkbox'
      ? `<input type="hidden" name="${id}" value="0"/>
            <input type="checkbox" ${stored[id] === '1' ? 'checked ' : ''}class="question_input" name="${id}" value="1" id="${id}" />`
      : `<input type="radio" ${String(stored[`question_${question.id}`] ?? '') === String(answer.id) ? 'checked ' : ''}class="question_input" name="question_${question.id}" value="${answer.id}" id="${id}" />`;
  return `<div class="answer">
    <table style="width: 100%">
      <tr>
        <td class="answer_input">
            ${input}
        </td>
        <td class="answer_label">
          <label style="width: 100%" for="${id}">${escapeHtml(answer.text)}</label>
        </td>
      </tr>
    </table>
  </div>`;
}

function answersOf(question, stored) {
  const name = `question_${question.id}`;
  const value = escapeHtml(stored[name] ?? '');
  switch (question.question_type) {
    case 'multiple_choice_question':
    case 'true_false_question':
      return question.answers.map((a) => choiceAnswer(question, a, stored, 'radio')).join('\n');
    case 'multiple_answers_question':
      return question.answers.map((a) => choiceAnswer(question, a, stored, 'checkbox')).join('\n');
    case 'essay_question':
      return `<textarea class="question_input" name="${name}" autocomplete="off" style="width: 100%;" aria-label="Essay answer">${value}</textarea>`;
    case 'numerical_question':
    case 'calculated_question':
      return `<input type="text" name="${name}" value="${value}" class="question_input numerical_question_input" autocomplete="off" aria-label="Numerical answer"/>`;
    case 'file_upload_question':
      return `<input type="hidden" name="${name}[]" value="${value}" class="question_input attachment-id"/>`;
    case 'text_only_question':
      return '';
    default:
      // short answer, and the types the fixtures never create (their markup is not modelled)
      return `<input type="text" name="${name}" value="${value}" class="question_input" autocomplete="off" aria-label="Fill in the blank"/>`;
  }
}

/** options: { storedParams (the attempt's answers so far), canGoBack, marked (flagged) }. */
export function renderDisplayQuestion(question, { storedParams, canGoBack, marked }) {
  const id = question.id;
  const flag = canGoBack
    ? `
    <div class="flag_question" role="checkbox" aria-checked="${marked ? 'true' : 'false'}">
      <span class="screenreader-only">Flag this Question</span>
    </div>`
    : '';
  const classes = ['display_question', 'question', question.question_type, ...(marked ? ['marked'] : [])];
  return `<div class="question_holder">
  <div style="display: block; height: 1px; overflow: hidden;">&nbsp;</div>
  <a name="question_${id}"></a>
  <div class="${classes.join(' ')}" id="question_${id}">${flag}
    <div class="header">
      <span class="name question_name" tabindex="0" role="heading">${escapeHtml(question.question_name)}</span>
      <span class="question_points_holder"><span class="points question_points">${question.points_possible}</span> pts</span>
    </div>
    <div class="text">
      <div id="question_${id}_question_text" class="question_text user_content">${question.question_text}</div>
      <div class="answers">
${answersOf(question, storedParams)}
      </div>
    </div>
  </div>
</div>`;
}
