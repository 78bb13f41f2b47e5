import { escapeHtml } from './escape-html.js';

// quizzes/quizzes/access_code.html.erb: what POST or GET …/take renders while the session has
// not been given the quiz's access code (can_take_quiz?).
export function renderAccessCode({ quiz, course, csrfToken, preview }) {
  return `<div id="quiz_access_code_page">
<h1>${escapeHtml(quiz.title)}</h1>
<p>This quiz is protected by an access code. Enter it to continue.</p>
<form id="quiz_access_code_form" action="/courses/${course.id}/quizzes/${quiz.id}/take${preview ? '?preview=1' : ''}" method="post">
  <input type="hidden" name="authenticity_token" value="${escapeHtml(csrfToken)}" autocomplete="off" />
  <label for="quiz_access_code">Access code</label>
  <input type="password" id="quiz_access_code" name="access_code" autocomplete="off" />
  <button type="submit" class="btn btn-primary">Proceed</button>
</form>
</div>`;
}
