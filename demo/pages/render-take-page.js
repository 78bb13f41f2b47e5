import { escapeHtml, page } from './html.js';

// Canvas's classic quiz markup: #questions .question#question_<id>, a .flag_question control,
// answer inputs named question_<id>. The SDK needs no configuration for it.
function answersOf(question) {
  const name = `question_${question.id}`;
  switch (question.question_type) {
    case 'multiple_choice_question':
    case 'true_false_question':
      return question.answers
        .map(
          (a) =>
            `<label class="answer"><input type="radio" name="${name}" value="${a.id}" /> ${escapeHtml(a.text)}</label>`,
        )
        .join('\n');
    case 'multiple_answers_question':
      return question.answers
        .map(
          (a) =>
            `<label class="answer"><input type="checkbox" name="${name}_${a.id}" value="1" /> ${escapeHtml(a.text)}</label>`,
        )
        .join('\n');
    case 'essay_question':
      return `<textarea name="${name}" rows="5" cols="60" aria-label="Your answer"></textarea>`;
    default:
      return `<input type="text" name="${name}" aria-label="Your answer" />`;
  }
}

export function renderTakePage({ course, quiz, questions }) {
  const items = questions
    .map(
      (q, i) => `      <div class="question ${escapeHtml(q.question_type)}" id="question_${q.id}">
        <div class="header">
          <span class="question_name">Question ${i + 1}</span>
          <a class="flag_question" href="#" role="button" title="Flag this question">⚑ Flag</a>
        </div>
        <div class="question_text">${q.question_text}</div>
        <div class="answers">
${answersOf(q)}
        </div>
      </div>`,
    )
    .join('\n');
  return page({
    title: `Taking ${quiz.title}`,
    scripts: ['/dist/quiz-proctor.iife.min.js', '/demo/quiz.js'],
    bodyAttributes: `data-course-id="${course.id}" data-quiz-id="${quiz.id}"`,
    body: `    <header><h1>${escapeHtml(quiz.title)}</h1><p>${escapeHtml(course.name)}</p></header>
    <section id="start_panel">
      <label>Access code <input id="access_code" value="" autocomplete="off" /></label>
      <button id="start_quiz" type="button">Start the quiz</button>
      <p class="hint">The demo quiz's access code is <code>letmein</code>.</p>
    </section>
    <p id="proctor_status" role="status">Not started.</p>
    <form id="submit_quiz_form" hidden>
      <div id="questions">
${items}
      </div>
      <button id="submit_quiz" type="button">Submit quiz</button>
    </form>
    <p class="hint">Switch to another tab or window and back: the teacher's page shows
    <code>page_blurred</code> and <code>page_focused</code> within seconds.</p>`,
  });
}
