import { timeLeft } from '../canvas/quiz-submission-state.js';
import { dbTime } from '../lib/time.js';
import { escapeHtml } from './escape-html.js';
import { datetimeString, iso8601 } from './format-time.js';
import { renderDisplayQuestion } from './render-display-question.js';

// quizzes/quizzes/take_quiz.html.erb and _take_quiz_right_side / _question_list_right_side:
// the markup canvas-pages.md §1.2–§1.4 describes. Returns { content, rightSide }.

function buttons(p) {
  if (!p.oneAtATime) return '';
  const previous = p.previousQuestionViewable
    ? `
    <button type="submit" class="btn submit_button btn-secondary previous-question" data-action="${escapeHtml(p.previousAction)}" disabled>
      <i class="icon-mini-arrow-left"><span class="screenreader-only">Previous</span></i>
      Previous
    </button>`
    : '';
  const next = p.nextQuestion
    ? `
    <input type="hidden" name="last_question_id" id="last_question_id" value="${p.currentQuestion.id}" autocomplete="off" />
    <button type="submit" class="btn submit_button btn-secondary next-question" data-action="${escapeHtml(p.nextAction)}" disabled>
      Next
      <i class="icon-mini-arrow-right"><span class="screenreader-only">Next</span></i>
    </button>`
    : '';
  return previous + next;
}

function questionList(p) {
  const items = p.allQuestions.map((q) => {
    const answered = p.answered(q);
    const icon = `<i class="placeholder ${answered ? 'icon-check' : 'icon-question'}"><span class="screenreader-only icon-text">${answered ? 'Answered' : 'Haven&#39;t Answered Yet'}</span></i>${escapeHtml(q.question_name)}
          <span class="screenreader-only marked-status">${p.marked(q) ? 'You marked this question to come back to later' : ''}</span>`;
    let link;
    if (!p.oneAtATime) link = `<a class="jump_to_question_link" href="#question_${q.id}">${icon}</a>`;
    else if (p.cantGoBack) link = `<span>${icon}</span>`;
    else link = `<a href="${escapeHtml(p.questionPath(q.id))}" class="no-warning">${icon}</a>`;
    return `    <li id="list_question_${q.id}" class="${p.questionClass(q)}">
      ${link}
    </li>`;
  });
  return `<h3 style="margin: 0px;">Questions</h3>
<ul id="question_list" style="max-height: 200px; overflow: auto;" class="${p.cantGoBack ? 'read_only' : ''}">
${items.join('\n')}
</ul>`;
}

function rightSide({ presenter, quiz, course, preview }) {
  const keepEditing = preview
    ? `<a id="preview_mode_link" href="/courses/${course.id}/quizzes/${quiz.id}/edit" class="btn button-sidebar-wide"><i class="icon-edit"><span class="screenreader-only">Keep Editing This Quiz</span></i> Keep Editing This Quiz</a><br/>\n`
    : '';
  const due = quiz.due_at
    ? `\n    <div style="font-size: 0.8em;">Attempt due: ${datetimeString(quiz.due_at)}</div>`
    : '';
  return `<div>
${keepEditing}${questionList(presenter)}
  <div id="quiz-time-elapsed">
    <span class="time_header">${quiz.time_limit ? 'Time Running:' : 'Time Elapsed:'}</span>
    <span style="font-size: 0.8em; padding-left: 10px;"><a href="#" class="hide_time_link">Hide</a></span>${due}
    <div class="clear"></div>
    <div class="time_running"></div>
  </div>
</div>`;
}

/** options: { presenter, quiz, qs, course, csrfToken, now (Date), preview }. */
export function renderTakeQuiz({ presenter: p, quiz, qs, course, csrfToken, now, preview }) {
  const isPreview = qs.workflow_state === 'preview';
  const previewTitle = 'This is a preview of the draft version of the quiz';
  const previewHeader = isPreview
    ? `
  <h3>
    <i class="icon-warning"><span class="screenreader-only">${previewTitle}</span></i>
    ${previewTitle}
  </h3>`
    : '';
  const questions = p.currentQuestions
    .map((q) =>
      renderDisplayQuestion(q, { storedParams: p.storedParams, canGoBack: p.canGoBack, marked: p.marked(q) }),
    )
    .join('\n');
  const content = `<header class="quiz-header">
  <h1>${escapeHtml(quiz.title)}</h1>${previewHeader}
  Started: ${datetimeString(qs.started_at)}
  <h2>Quiz Instructions</h2>
  <div id="quiz-instructions" class="user_content">
    ${quiz.description}
  </div>
</header>

<form action="${escapeHtml(p.formAction)}" id="submit_quiz_form" class="${p.formClass}" method="post">
<input type="hidden" name="authenticity_token" value="${escapeHtml(csrfToken)}" autocomplete="off" />

<div id="questions" class="assessing">
  <input type="hidden" name="attempt" value="${qs.attempt}"/>${
    qs.validation_token
      ? `\n  <input type="hidden" name="validation_token" value="${qs.validation_token}"/>`
      : ''
  }${isPreview ? '\n  <input type="hidden" name="preview" value="1"/>' : ''}
  <div style="display: none;" id="quiz_urls">
    <a href="${escapeHtml(p.backupUrl)}" class="backup_quiz_submission_url">&nbsp;</a>
    <span class="started_at">${iso8601(qs.started_at)}</span>
    <span class="now">${iso8601(dbTime(now))}</span>
    <span class="end_at">${iso8601(qs.end_at)}</span>
    <span class="due_at">${iso8601(quiz.due_at)}</span>
    <span class="time_limit">${quiz.time_limit ?? '&nbsp;'}</span>
    <span class="time_left">${timeLeft(qs, now) ?? ''}</span>
  </div>

${questions}

  <div class="button-container clearfix">${buttons(p)}
  </div>
</div>

<div style="font-size: 1.2em; display: none;" id="times_up_dialog">
  Time's Up!  Submitting results in:
  <div style="text-align: center; font-size: 1.2em; margin: 10px;" class="countdown_seconds"></div>
  <div class="button-container">
    <button type="submit" class="submit_quiz_button btn quiz_submit">Ok, fine</button>
  </div>
</div>

<div class="form-actions">
  <span id="last_saved_indicator">Not saved</span>
  <button type="submit" class="btn submit_button quiz_submit btn-secondary" id="submit_quiz_button" data-action="${escapeHtml(p.submitAction)}">
    Submit Quiz
  </button>
</div>
</form>

<form id="deauthorized_dialog" class="hide" title="Login Required" action="/courses/${course.id}/quizzes/${quiz.id}" method="get">
  <div class="text-center"><strong>You have been logged out of canvas.</strong><br />To continue please log in</div>
</form>`;
  return { content, rightSide: rightSide({ presenter: p, quiz, course, preview: preview && isPreview }) };
}
