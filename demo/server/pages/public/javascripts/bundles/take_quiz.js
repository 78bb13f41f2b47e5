import { dumpEvents } from '../quiz-log-auditing/dump-events.js';
import { eventManager } from '../quiz-log-auditing/log-auditing.js';
import { createBackup } from '../take-quiz/create-backup.js';

// Plays the take page's bundle (ui/features/take_quiz/jquery/index.js), reduced to what page
// code around it can observe: flagging, answer indicators, backups (15 s after load, then
// every 30 s, and on answer changes and window focus), the submit buttons (each sets the
// form's action from its data-action: the final submit, or record_answer for Next/Previous),
// and — when ENV.QUIZ_SUBMISSION_EVENTS_URL is set — Canvas's quiz log auditing.
// Not played: the countdown and time-up auto-submit, the leave-page warnings, the confirm
// dialogs before submitting, the rich content editor.

const form = document.getElementById('submit_quiz_form');
const questions = document.getElementById('questions');

function showDeauthorizedDialog() {
  document.getElementById('deauthorized_dialog')?.classList.remove('hide');
}

if (form && questions) {
  const backup = createBackup({ form, onDeauthorized: showDeauthorizedDialog });
  let lastAnswerSelected = null;

  window.addEventListener('focus', () => backup.update());
  window.addEventListener('blur', () => {
    backup.state.inBackground = true;
  });
  // A radio or checkbox change backs up only when the mouse chose it (as in Canvas: a keyboard
  // change clears the remembered answer).
  document.addEventListener('mousedown', (event) => {
    lastAnswerSelected = event.target instanceof Element ? event.target.closest('.answer') : null;
  });
  document.addEventListener('keydown', () => {
    lastAnswerSelected = null;
  });

  const listItem = (question) => document.getElementById(`list_${question.id}`);

  function updateIndicators(input) {
    const question = input.closest('.question');
    if (!question) return;
    const inputs = [...question.querySelectorAll('.question_input')];
    let answered;
    if (input.tagName === 'TEXTAREA' || input.type === 'text' || input.type === 'hidden')
      answered = input.value !== '';
    else if (input.tagName === 'SELECT') answered = inputs.every((element) => element.value !== '');
    else answered = inputs.some((element) => element.checked);
    for (const element of [question, listItem(question)]) element?.classList.toggle('answered', answered);
  }

  questions.addEventListener('click', (event) => {
    const flag = event.target instanceof Element ? event.target.closest('.flag_question') : null;
    if (!flag) return;
    event.preventDefault();
    const question = flag.closest('.question');
    if (!question) return;
    const marked = question.classList.toggle('marked');
    flag.setAttribute('aria-checked', String(marked));
    const item = listItem(question);
    item?.classList.toggle('marked');
    const status = item?.querySelector('.marked-status');
    if (status)
      status.textContent = item.classList.contains('marked')
        ? 'You marked this question to come back to later'
        : '';
    backup.update();
  });

  questions.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof Element)) return;
    if (input.matches('input[type=checkbox], input[type=radio]')) {
      if (lastAnswerSelected !== null && lastAnswerSelected === input.closest('.answer')) backup.update();
    } else if (input.matches('input[type=text], textarea, select')) {
      backup.update();
    }
    if (input.classList.contains('question_input')) updateIndicators(input);
  });

  for (const button of form.querySelectorAll('button[type=submit]')) {
    button.addEventListener('click', () => {
      const action = button.dataset.action;
      if (action !== undefined) form.setAttribute('action', action);
    });
    // Now that the page's JavaScript runs, Next and Previous work.
    button.removeAttribute('disabled');
  }
  form.addEventListener('submit', () => {
    backup.state.submitting = true;
  });

  setTimeout(() => backup.update(true), 15_000);
}

if (window.ENV?.QUIZ_SUBMISSION_EVENTS_URL) {
  eventManager.start();
  dumpEvents(false);
}
