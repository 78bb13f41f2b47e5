import { isGraded } from '../canvas/quiz-submission-state.js';

// Quizzes::TakeQuizPresenter: which questions the take page shows, the sidebar's classes, and
// the form URLs. One-question-at-a-time links carry the QS id (record_answer); the final submit
// URL does not (canvas-pages.md §1.2).

const present = (value) => value != null && value !== false && String(value).trim() !== '';

/** Rails' `to_query`: keys sorted, CGI-escaped. */
const toQuery = (params) =>
  Object.keys(params)
    .filter((key) => params[key] != null)
    .sort()
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(params[key]))}`)
    .join('&');

/**
 * resolve_answers: the ids of answered questions. Entries are grouped by question id; `_marked`
 * and `_read` entries do not count; a question whose entries are all "0" (unticked checkboxes)
 * or any of them blank is unanswered.
 */
function answeredIds(data) {
  const groups = new Map();
  for (const key of Object.keys(data)) {
    const match = /question_(\d+)/.exec(key);
    if (!match || /_(marked|read)$/.test(key)) continue;
    const id = Number(match[1]);
    groups.set(id, [...(groups.get(id) ?? []), data[key]]);
  }
  const answered = new Set();
  for (const [id, values] of groups) {
    if (values.every(present) && !values.every((value) => value === '0')) answered.add(id);
  }
  return answered;
}

/** options: { quiz, qs, course, user, questionId (route param or undefined), preview }. */
export function createTakeQuizPresenter({ quiz, qs, course, user, questionId, preview }) {
  const all = (qs.quiz_data ?? []).filter(Boolean);
  const storedParams = isGraded(qs) ? {} : (qs.submission_data ?? {});
  const oneAtATime = quiz.one_question_at_a_time === 1;
  const cantGoBack = quiz.cant_go_back === 1;
  const answered = answeredIds(storedParams);
  const find = (id) => all.find((q) => String(q.id) === String(id));

  let current;
  if (cantGoBack) current = [all.find((q) => !present(storedParams[`_question_${q.id}_read`]))];
  else if (questionId !== undefined) current = [find(questionId)];
  else if (oneAtATime) current = [all[0]];
  else current = all;
  current = current.filter(Boolean);

  const currentQuestion = current[0];
  const index = (q) => all.findIndex((candidate) => candidate.id === q?.id);
  const neighbour = (step) => {
    const at = index(currentQuestion);
    return at === -1 || at + step < 0 ? undefined : all[at + step];
  };
  const next = neighbour(1);
  const previous = neighbour(-1);
  const base = `/courses/${course.id}/quizzes/${quiz.id}`;
  const userParams = { user_id: user?.id };
  const questionPath = (id) => `${base}/take/questions/${id}${preview ? '?preview=true' : ''}`;
  const recordAnswerAction = (target) =>
    `${base}/submissions/${qs.id}/record_answer?${toQuery({ ...userParams, next_question_path: questionPath(target.id) })}`;
  const submitAction = `${base}/submissions?${toQuery(userParams)}`;
  const lastPage = next === undefined || !oneAtATime;

  return {
    allQuestions: all,
    currentQuestions: current,
    currentQuestion,
    storedParams,
    oneAtATime,
    cantGoBack,
    canGoBack: !cantGoBack,
    nextQuestion: oneAtATime ? next : undefined,
    previousQuestionViewable: oneAtATime && previous !== undefined && !cantGoBack,
    submitAction,
    nextAction: next ? recordAnswerAction(next) : undefined,
    previousAction: previous ? recordAnswerAction(previous) : undefined,
    formAction: oneAtATime && next ? recordAnswerAction(next) : submitAction,
    formClass: [
      oneAtATime ? 'one_question_at_a_time' : 'all_questions',
      ...(cantGoBack ? ['cant_go_back'] : []),
      ...(lastPage ? ['last_page'] : []),
    ].join(' '),
    backupUrl: `${base}/submissions/backup?user_id=${user?.id ?? ''}${qs.workflow_state === 'preview' ? '&preview=1' : ''}`,
    questionPath,
    marked: (q) => present(storedParams[`question_${q.id}_marked`]),
    answered: (q) => answered.has(q.id),
    questionClass(q) {
      const classes = ['list_question'];
      if (answered.has(q.id)) classes.push('answered');
      if (this.marked(q)) classes.push('marked');
      if (index(q) <= index(currentQuestion)) classes.push('seen');
      if (oneAtATime && q.id === currentQuestion?.id) classes.push('current_question');
      if (q.question_type === 'text_only_question') classes.push('text_only');
      return classes.join(' ');
    },
  };
}
