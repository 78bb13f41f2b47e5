// The theme file on the teacher's quiz log page: the review panel above Canvas's list, its code
// loaded from the school's review file, the attempt read with the teacher's session and Canvas's
// pagination.
import { expect } from '@esm-bundle/chai';
import { createFixture, eventually, requestLog, startSubmission } from '../helpers/canvas.js';
import {
  onCanvasPages,
  openPageAs,
  quizPath,
  themeFileUrl,
  useThemeFile,
  type PageTab,
} from '../helpers/canvas-pages.js';

const REVIEW_FILE = `${location.origin}/dist/quiz-proctor-review.iife.min.js`;

/** A student's attempt with `count` departures of ours (window_blurred/window_focused, 4 s away each). */
async function attemptWithDepartures(count: number) {
  const fixture = await createFixture({ accessCode: null });
  const submission = await startSubmission(fixture);
  const start = Date.now();
  const events = Array.from({ length: count }, () => [
    { type: 'window_blurred', data: {} },
    { type: 'window_focused', data: { away_ms: 4000 } },
  ])
    .flat()
    .map((event, i) => ({
      event_type: event.type,
      event_data: { ...event.data, tab: 't1', seq: i + 1 },
      client_timestamp: new Date(start + i * 1000).toISOString(),
    }));
  const response = await fetch(
    `/api/v1/courses/${fixture.courseId}/quizzes/${fixture.quizId}/submissions/${submission.id}/events`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${fixture.student.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ quiz_submission_events: events }),
    },
  );
  expect(response.status).to.equal(204);
  return { fixture, submission, logPath: `${quizPath(fixture)}/submissions/${submission.id}/log` };
}

const panelText = (tab: PageTab) =>
  tab.eval<string | null>('document.querySelector("[data-quiz-proctor-review]")?.textContent ?? null');

/** The teacher's log page of a one-departure attempt with this review file, and the panel's failure line. */
async function failureLine(reviewScriptUrl: string, query = '') {
  await useThemeFile(themeFileUrl({ reviewScriptUrl }));
  const { fixture, submission, logPath } = await attemptWithDepartures(1);
  const tab = await openPageAs(fixture.teacher.id, `${logPath}${query}`);
  const line = await eventually(async () => {
    const text = await panelText(tab);
    return text?.startsWith('quiz-proctor:') === true ? text : undefined;
  }, 'the failure line');
  return { line, tab, submission };
}

describe("the theme file on the teacher's log page", () => {
  onCanvasPages();

  it('mounts the timeline above Canvas’s list, read page by page with the teacher’s session', async () => {
    await useThemeFile(themeFileUrl({ reviewScriptUrl: REVIEW_FILE }));
    // 60 departures: 120 events, three pages of Canvas's 50.
    const { fixture, submission, logPath } = await attemptWithDepartures(60);
    const tab = await openPageAs(fixture.teacher.id, logPath);
    await eventually(
      async () =>
        (await tab.eval<number>('document.querySelectorAll("[data-quiz-proctor-review] .qp-lane").length')) >
        0
          ? true
          : undefined,
      'the timeline in the panel',
    );
    // Just before #content, which Canvas's React app replaces: its list is left as it was.
    expect(
      await tab.eval('document.querySelector("[data-quiz-proctor-review]").nextElementSibling.id'),
    ).to.equal('content');
    // One panel (the timeline inside it carries the attribute too, as its own root).
    expect(
      await tab.eval(
        'document.querySelectorAll("[data-quiz-proctor-review]:not([data-quiz-proctor-review] *)").length',
      ),
    ).to.equal(1);
    expect(
      await tab.eval(
        '[...document.querySelectorAll("[data-quiz-proctor-review] .qp-lane")].map((l) => l.dataset.lane).includes("focus")',
      ),
    ).to.equal(true);
    // The totals: 60 departures of 4 s each.
    const text = (await panelText(tab)) ?? '';
    expect(/Departures\s*60/.test(text), 'Departures 60').to.equal(true);
    expect(/Time away\s*4 min/.test(text), 'Time away 4 min').to.equal(true);
    // Ours (ky's fetch) and Canvas's own app (its jQuery XHR, with X-Requested-With) both read them.
    const reads = (await requestLog(`/submissions/${submission.id}/events`))
      .filter((r) => r.method === 'GET' && r.requestedWith === null)
      .map((r) => new URLSearchParams(r.query));
    expect(reads.map((query) => query.get('page') ?? '1')).to.deep.equal(['1', '2', '3']);
    expect(reads.every((query) => query.get('per_page') === '50' && query.get('attempt') === '1')).to.equal(
      true,
    );
  });

  it('says in one line why, when the review file cannot be loaded, and leaves Canvas’s page alone', async () => {
    const { line, tab } = await failureLine(`${location.origin}/dist/no-such-file.js`);
    expect(line).to.match(/could not be loaded from .*no-such-file\.js/);
    expect(await tab.eval('document.getElementById("content") !== null')).to.equal(true);
  });

  it('says so when the file at reviewScriptUrl is not the review file', async () => {
    // The page IIFE itself: it loads and runs, and fills no panel.
    const { line } = await failureLine(`${location.origin}/dist/quiz-proctor.iife.min.js`);
    expect(line).to.match(/quiz-proctor\.iife\.min\.js \(it is not the review file\)$/);
  });

  it('reads the attempt the page names with ?attempt=N, and says why when Canvas has none', async () => {
    // The student has no attempt 2: Canvas answers 404, which the panel shows as its one line.
    const { line, submission } = await failureLine(REVIEW_FILE, '?attempt=2');
    expect(line).to.match(/events\?attempt=2&per_page=50 → 404/);
    const reads = (await requestLog(`/submissions/${submission.id}/events`)).filter(
      (r) => r.method === 'GET' && r.requestedWith === null,
    );
    expect(reads.map((r) => new URLSearchParams(r.query).get('attempt'))).to.deep.equal(['2']);
  });
});
