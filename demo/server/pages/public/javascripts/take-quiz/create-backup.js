import { JSON_ACCEPT, canvasXhr, csrfCookie, isSuccess, parseCanvasJson } from '../lib/canvas-xhr.js';

// The take page's answer backup (quizSubmission.updateSubmission in
// ui/features/take_quiz/jquery/index.js): the form's data, plus `question_<id>_marked` for each
// question ('1' or ''), goes to `.backup_quiz_submission_url` as jQuery ajaxJSON sends a PUT — a
// form-encoded POST with `_method=PUT` and `authenticity_token`. When the answer's `end_at`
// differs from `#quiz_urls .end_at` (a teacher extended the attempt), the span is rewritten;
// Canvas keeps the new time_left in memory only. Repeating backups come every 30 s and skip
// the request when nothing changed since the last saved one.

const REPEAT_MS = 30_000;

/** $.fn.getFormData: name → value, the last of a repeated name winning; no buttons. */
function formData(form) {
  const data = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') data[name] = value;
  }
  return data;
}

const sameData = (a, b) =>
  b !== null &&
  Object.keys(a).length === Object.keys(b).length &&
  Object.keys(a).every((key) => a[key] === b[key]);

export function createBackup({ form, onDeauthorized }) {
  const lastSaved = document.getElementById('last_saved_indicator');
  const state = {
    submitting: false,
    inBackground: false,
    currentlyBackingUp: false,
    lastUpdate: Date.now(),
    lastSuccessfulData: null,
    backupsDisabled: window.location.search.search(/backup=false/) > -1,
  };
  const setSaved = (text) => {
    if (lastSaved) lastSaved.textContent = text;
  };

  function applyTime(answer) {
    const endAt = document.querySelector('#quiz_urls .end_at');
    if (!answer?.end_at || !endAt) return;
    if (Date.parse(answer.end_at) !== Date.parse(endAt.textContent)) endAt.textContent = answer.end_at;
  }

  async function update(repeat = false, autoInterval = false) {
    if (state.backupsDisabled) return;
    if (state.submitting && !repeat) return;
    if (!autoInterval && Date.now() - state.lastUpdate < 1000) return;
    if (state.currentlyBackingUp) return;
    state.currentlyBackingUp = true;
    state.lastUpdate = Date.now();
    const data = formData(form);
    for (const question of form.querySelectorAll('.question_holder .question')) {
      data[`${question.id}_marked`] = question.classList.contains('marked') ? '1' : '';
    }
    setSaved('Saving...');
    const again = () => setTimeout(() => update(true, true), REPEAT_MS);
    if (!state.inBackground && repeat && sameData(data, state.lastSuccessfulData)) {
      setSaved(`No new data to save. Last checked at ${new Date().toLocaleTimeString()}`);
      state.currentlyBackingUp = false;
      again();
      return;
    }
    const url = document.querySelector('.backup_quiz_submission_url')?.getAttribute('href');
    const body = new URLSearchParams({ ...data, _method: 'PUT', authenticity_token: csrfCookie() ?? '' });
    const response = await canvasXhr({
      method: 'POST',
      url,
      headers: { Accept: JSON_ACCEPT, 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: body.toString(),
      timeoutMs: 15_000,
    });
    state.currentlyBackingUp = false;
    const answer = parseCanvasJson(response.text);
    if (isSuccess(response.status) && !answer?.errors) {
      state.lastSuccessfulData = data;
      state.inBackground = false;
      setSaved(`Quiz saved at ${new Date().toLocaleTimeString()}`);
      applyTime(answer);
    } else if (response.status === 401 || answer?.status === 'unauthorized') {
      onDeauthorized();
    } else if (response.status === 403 || answer?.status === 'forbidden') {
      window.location.reload();
    }
    if (repeat) again();
  }

  return { state, update };
}
