// The demo teacher's evidence page: the quiz's attempts as a table (newest first, with the review's
// totals and findings), the timeline of the one opened, then every event, refreshed every 2 s. It
// reads Canvas's API, plus the emulator's documented include_client_timestamp extension.
/* global QuizProctorReview */
import { createAttemptTimeline } from './attempt-timeline.js';
import { createAttemptsTable, HEADINGS } from './attempts-table.js';
import { createEventTables } from './event-tables.js';

const { courseId, quizId, token } = document.body.dataset;
const base = `/api/v1/courses/${courseId}/quizzes/${quizId}/submissions`;
const status = document.getElementById('log_status');

async function getAll(url) {
  const pages = [];
  let next = url;
  while (next) {
    const response = await fetch(next, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    pages.push(await response.json());
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('Link') ?? '')?.[1];
  }
  return pages;
}

/** Every attempt with its events, newest first; `key` changes whenever what is shown would. */
async function readAttempts() {
  const pages = await getAll(`${base}?per_page=100&include[]=user`);
  const names = new Map(pages.flatMap((page) => page.users ?? []).map((user) => [user.id, user.name]));
  const submissions = pages
    .flatMap((page) => page.quiz_submissions)
    .sort((a, b) => Date.parse(b.started_at ?? 0) - Date.parse(a.started_at ?? 0));
  return Promise.all(
    submissions.map(async (submission) => {
      const events = (
        await getAll(`${base}/${submission.id}/events?per_page=100&include_client_timestamp=true`)
      ).flatMap((page) => page.quiz_submission_events);
      const name = names.get(submission.user_id) ?? `user ${submission.user_id}`;
      const lastId = events.reduce((max, event) => Math.max(max, Number(event.id)), 0);
      return {
        id: String(submission.id),
        key: `${submission.workflow_state} ${events.length} ${lastId} ${name}`,
        name,
        submission,
        events,
      };
    }),
  );
}

const headings = document.querySelector('#attempts thead tr');
for (const text of HEADINGS) {
  const th = document.createElement('th');
  th.scope = 'col';
  th.textContent = text;
  headings.append(th);
}
const timeline = createAttemptTimeline(document.getElementById('timeline'));
let latest = new Map();
const showTimeline = (attempt) =>
  timeline.show(attempt.id, attempt.key, {
    events: attempt.events,
    submission: attempt.submission,
    title: `${attempt.name}, attempt ${attempt.submission.attempt}`,
  });
const table = createAttemptsTable(document.querySelector('#attempts tbody'), (id) => {
  if (timeline.openId === id) timeline.close();
  else showTimeline(latest.get(id));
  table.markOpen(timeline.openId);
});
const eventTables = createEventTables(document.getElementById('submissions'));

// The review is computed again only for an attempt whose events changed.
const reviews = new Map();
function reviewOf(attempt) {
  const known = reviews.get(attempt.id);
  if (known?.key === attempt.key) return known.review;
  const review = QuizProctorReview.analyzeAttempt({ events: attempt.events, submission: attempt.submission });
  reviews.set(attempt.id, { key: attempt.key, review });
  return review;
}

async function refresh() {
  const attempts = (await readAttempts()).map((attempt) => ({ ...attempt, review: reviewOf(attempt) }));
  latest = new Map(attempts.map((attempt) => [attempt.id, attempt]));
  table.update(attempts);
  const open = latest.get(timeline.openId);
  if (open) showTimeline(open);
  eventTables.update(attempts);
  status.textContent = `${attempts.length} attempt(s). Updated ${new Date().toLocaleTimeString()}.`;
}

async function loop() {
  try {
    await refresh();
  } catch (error) {
    status.textContent = `Could not load: ${error.message}`;
  }
  setTimeout(loop, 2000);
}
void loop();
