import { getCanvasJson } from '../lib/canvas-xhr.js';

// Plays Canvas's quiz log app (ui/features/quiz_log_auditing, a React app mounted on
// div#content, which it owns: every render replaces what #content holds). It reads
// ENV.submission_url, then every page of ENV.events_url with `attempt` (from ?attempt=N, else
// the submission's latest) and per_page=50, and renders the action log:
//   #ic-EventStream > ol#ic-EventStream__ActionLog > li.ic-ActionLog__Entry
// with .ic-ActionLog__EntryTimestamp (time since the attempt started), .ic-ActionLog__EntryFlag
// and .ic-ActionLog__EntryDescription. Only six event types are shown; any other type (e.g.
// submission_created, or an SDK's own) is dropped without a trace, and a question_answered
// event only shows when some answer is not null.
// Not Canvas: question numbers come from the submission_created event's quiz_data, as the
// emulator has no quiz questions API for ENV.questions_url.

const VISIBLE_TYPES = [
  'page_blurred',
  'page_focused',
  'question_answered',
  'question_flagged',
  'question_viewed',
  'session_started',
];
const content = document.getElementById('content');
const env = window.ENV ?? {};

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

async function getAll(url) {
  const rows = [];
  let next = url;
  while (next) {
    const page = await getCanvasJson(next);
    if (page.json === null) throw new Error(`${page.status} from ${next}`);
    rows.push(...(page.json.quiz_submission_events ?? []));
    next = /<([^>]+)>;\s*rel="next"/.exec(page.link)?.[1];
  }
  return rows;
}

function secondsToTime(total) {
  const seconds = Math.max(0, Math.floor(total));
  const pad = (n) => String(n).padStart(2, '0');
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  return h > 0 ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

function describe(event, { positions, basePath, attempt }) {
  const anchor = (id) =>
    element(
      'a',
      {
        class: 'ic-QuestionAnchors__Anchor',
        href: `${basePath}/questions/${id}?event=${event.id}&attempt=${attempt}`,
      },
      `#${positions.get(String(id)) ?? ''}`,
    );
  const anchors = (ids) => element('div', { class: 'ic-QuestionAnchors' }, ...ids.map(anchor));
  const data = event.event_data;
  switch (event.event_type) {
    case 'session_started':
      return 'Session started';
    case 'question_answered': {
      const answered = data.filter((item) => item.answer != null).map((item) => item.quiz_question_id);
      const label = answered.length === 1 ? 'Answered question:' : 'Answered the following questions:';
      return element('div', {}, label, anchors(answered));
    }
    case 'question_viewed': {
      const label =
        data.length === 1
          ? 'Viewed (and possibly read) question'
          : 'Viewed (and possibly read) the following questions:';
      return element('div', {}, label, anchors(data));
    }
    case 'page_blurred':
      return 'Stopped viewing the Canvas quiz-taking page...';
    case 'page_focused':
      return 'Resumed.';
    case 'question_flagged':
      return element(
        'div',
        {},
        data.flagged ? 'Flagged question:' : 'Unflagged question:',
        anchors([data.questionId]),
      );
    default:
      return '';
  }
}

const isVisible = (event) =>
  VISIBLE_TYPES.includes(event.event_type) &&
  (event.event_type !== 'question_answered' ||
    (Array.isArray(event.event_data) && event.event_data.some((item) => item.answer != null)));

const flagOf = (type) => (type === 'page_blurred' ? 'warning' : type === 'page_focused' ? 'ok' : 'none');

function renderStream({ events, startedAt, positions, basePath, attempt }) {
  const visible = events.filter(isVisible);
  const entries = visible.map((event) =>
    element(
      'li',
      { class: 'ic-ActionLog__Entry' },
      element(
        'div',
        {},
        element(
          'span',
          { class: 'ic-ActionLog__EntryTimestamp' },
          secondsToTime((Date.parse(event.created_at) - Date.parse(startedAt)) / 1000),
        ),
        element('span', {
          class: 'ic-ActionLog__EntryFlag',
          'aria-hidden': 'true',
          'data-flag': flagOf(event.event_type),
        }),
        element(
          'div',
          { class: 'ic-ActionLog__EntryDescription' },
          describe(event, { positions, basePath, attempt }),
        ),
      ),
    ),
  );
  const empty =
    visible.length === 0
      ? [element('p', {}, 'There were no events logged during the quiz-taking session.')]
      : [];
  return element(
    'div',
    { id: 'ic-EventStream', 'data-testid': 'event-stream' },
    element('h2', {}, 'Action Log'),
    ...empty,
    element('ol', { id: 'ic-EventStream__ActionLog' }, ...entries),
  );
}

async function load() {
  const requested = new URLSearchParams(window.location.search).get('attempt');
  const latest = await getCanvasJson(env.submission_url);
  const submission = latest.json?.quiz_submissions?.[0];
  if (!submission) throw new Error(`${latest.status} from ${env.submission_url}`);
  const attempt = requested ?? String(submission.attempt);
  const shown = requested
    ? ((await getCanvasJson(`${env.submission_url}?attempt=${encodeURIComponent(requested)}`)).json
        ?.quiz_submissions?.[0] ?? submission)
    : submission;
  const events = await getAll(`${env.events_url}?attempt=${encodeURIComponent(attempt)}&per_page=50`);
  const created = events.find((event) => event.event_type === 'submission_created');
  const positions = new Map(
    (created?.event_data?.quiz_data ?? []).map((question, index) => [
      String(question.id),
      question.position ?? index + 1,
    ]),
  );
  const basePath = window.location.pathname.replace(/(\/log)(\/.*)?$/, '$1');
  return { events, startedAt: shown.started_at, positions, basePath, attempt };
}

if (content && env.events_url && env.submission_url) {
  const inspector = () => element('div', { class: 'ic-QuizInspector' });
  content.replaceChildren(inspector());
  load().then(
    (state) => content.replaceChildren(element('div', { class: 'ic-QuizInspector' }, renderStream(state))),
    (error) =>
      content.replaceChildren(
        element(
          'div',
          { class: 'ic-QuizInspector' },
          element('p', { class: 'ic-QuizInspector__Error' }, String(error.message)),
        ),
      ),
  );
}
