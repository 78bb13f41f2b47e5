import { attemptsLeft, isCompleted } from '../canvas/quiz-submission-state.js';
import { escapeHtml } from './escape-html.js';
import { datetimeString } from './format-time.js';

// quizzes/quizzes/show.html.erb, reduced: the quiz's details, the student's last result, and
// the form that POSTs to …/take (start_quiz!) — with the access code field when the quiz has
// one (Canvas asks for it on a page of its own after the first POST; both work here). Quiz
// editors get the Preview button (…/take?preview=1).

const detail = (label, value) =>
  `  <li><span class="title">${label}</span> <span class="value">${value}</span></li>`;

function takeButtonLabel(qs, quiz) {
  if (qs == null || qs.workflow_state === 'settings_only') return 'Take the Quiz';
  if (qs.workflow_state === 'untaken') return 'Resume Quiz';
  const left = attemptsLeft(qs, quiz);
  return isCompleted(qs) && (left === -1 || left > 0) ? 'Take the Quiz Again' : null;
}

function result(qs, pointsPossible) {
  if (qs == null || !isCompleted(qs)) return '';
  return `
<div id="quiz-submission-version-table">
  <div class="quiz_score">Score for this attempt: <span class="score_value">${qs.score ?? ''}</span> out of ${pointsPossible}</div>
  <div class="quiz_submitted_at">Submitted ${datetimeString(qs.finished_at)}</div>
  <div class="quiz_attempt">Attempt ${qs.attempt}${qs.workflow_state === 'pending_review' ? ' (some questions not yet graded)' : ''}</div>
</div>`;
}

/** options: { quiz, course, user, qs (the user's own, or null), canTake, canPreview, csrfToken, questions }. */
export function renderQuizShow({ quiz, course, user, qs, canTake, canPreview, csrfToken, questions }) {
  const base = `/courses/${course.id}/quizzes/${quiz.id}`;
  const pointsPossible = questions.reduce((sum, q) => sum + q.points_possible, 0);
  const token = `<input type="hidden" name="authenticity_token" value="${escapeHtml(csrfToken)}" autocomplete="off" />`;
  const label = canTake ? takeButtonLabel(qs, quiz) : null;
  const accessCode = quiz.access_code
    ? `
  <label for="quiz_access_code">Access code</label>
  <input type="password" id="quiz_access_code" name="access_code" autocomplete="off" />`
    : '';
  const take = label
    ? `
<form id="take_quiz_form" action="${base}/take?user_id=${user.id}" method="post">
  ${token}${accessCode}
  <button type="submit" id="take_quiz_link" class="btn btn-primary">${label}</button>
</form>`
    : '';
  const preview = canPreview
    ? `
<form id="preview_quiz_form" action="${base}/take?preview=1" method="post">
  ${token}
  <button type="submit" id="preview_quiz_button" class="btn">Preview</button>
</form>`
    : '';
  return `<div id="quiz_show">
<h1 id="quiz_title">${escapeHtml(quiz.title)}</h1>
<div class="description user_content">${quiz.description}</div>
<ul id="quiz_student_details" class="unstyled_list">
${[
  detail('Due', quiz.due_at ? datetimeString(quiz.due_at) : 'No due date'),
  detail('Points', pointsPossible),
  detail('Questions', questions.length),
  detail('Time Limit', quiz.time_limit ? `${quiz.time_limit} Minutes` : 'None'),
  detail('Allowed Attempts', quiz.allowed_attempts === -1 ? 'Unlimited' : quiz.allowed_attempts),
].join('\n')}
</ul>${result(qs, pointsPossible)}${take}${preview}
</div>`;
}
