// Recorded attempts drawn in the browser: the lanes, the stretches' widths and labels, the badges at
// their moment, and the totals and findings as analyzeAttempt gives them.
import { expect } from '@esm-bundle/chai';
import { analyzeAttempt } from '../../src/review/index.js';
import { formatDuration } from '../../src/review/timeline/format-duration.js';
import { formatFigure } from '../../src/review/timeline/render-totals.js';
import { axisOf, fixture, FIXTURES, mount, unmount } from './timeline-fixtures.js';

const LANES = ['findings', 'focus', 'visibility', 'network', 'fullscreen', 'actions'];

describe('the timeline of a recorded attempt', () => {
  afterEach(unmount);

  for (const [code, name] of Object.entries(FIXTURES)) {
    it(`${name}: lanes, totals, findings in words and badges at their moment`, async () => {
      const input = await fixture(name);
      const { summary, findings } = analyzeAttempt(input);
      const host = mount(input);
      const lanes = [...host.querySelectorAll('.qp-lane')].map((lane) => lane.getAttribute('data-lane'));
      expect(lanes.slice(0, LANES.length)).to.deep.equal(LANES);
      // A lane per question any event names: viewed (ids), answered (quiz_question_id), flagged (questionId).
      const questions = new Set(
        input.events.flatMap((event) => {
          const data = event.event_data as
            { questionId?: string } | { quiz_question_id: string }[] | string[];
          if (event.event_type === 'question_viewed') return data as string[];
          if (event.event_type === 'question_answered')
            return (data as { quiz_question_id: string }[]).map((answer) => answer.quiz_question_id);
          if (event.event_type === 'question_flagged') return [(data as { questionId: string }).questionId];
          return [];
        }),
      );
      expect(lanes.filter((lane) => lane?.startsWith('question-')).length).to.equal(questions.size);

      for (const total of host.querySelectorAll('[data-total]')) {
        const key = total.getAttribute('data-total') as Exclude<keyof typeof summary, 'notes'>;
        expect(total.querySelector('dd')?.textContent, key).to.equal(formatFigure(key, summary[key]));
      }
      expect(host.querySelectorAll('[data-total]').length).to.equal(Object.keys(summary).length - 1);
      const notes = [...host.querySelectorAll('.qp-notes li')].map((li) => li.textContent);
      for (const note of summary.notes) expect(notes).to.include(note);

      const listed = [...host.querySelectorAll('.qp-finding')].map((li) => li.getAttribute('data-code'));
      expect(listed).to.deep.equal(findings.map((finding) => finding.code));
      if (code !== 'clean') expect(listed).to.include(code);
      else expect(findings).to.deep.equal([]);
      const words = [...host.querySelectorAll('.qp-finding')].map((li) => li.textContent);
      findings.forEach((finding, i) => expect(words[i]).to.include(finding.detail));

      const axis = axisOf(host);
      const badges = [...host.querySelectorAll('.qp-badge')];
      const momentOf = (finding: (typeof findings)[number]) =>
        Date.parse(finding.at ?? finding.receivedAt ?? '');
      // Badges are in time order, as every lane's items.
      const timed = findings
        .filter((finding) => (finding.at ?? finding.receivedAt) !== null)
        .sort((a, b) => momentOf(a) - momentOf(b));
      expect(badges.length).to.equal(timed.length);
      timed.forEach((finding, i) => {
        const badge = badges[i];
        const ms = momentOf(finding);
        expect(badge?.getAttribute('data-code')).to.equal(finding.code);
        expect(Number(badge?.getAttribute('data-x'))).to.be.closeTo(axis.x(ms), 0.1);
        expect(badge?.classList.contains('qp-by-received')).to.equal(finding.at === null);
      });
    });
  }

  it('draws each departure as wide as its away_ms, labelled with its length', async () => {
    const host = mount(await fixture('clean-attempt'));
    const axis = axisOf(host);
    const bars = [...host.querySelectorAll('.qp-span-away .qp-bar')];
    expect(bars.map((bar) => Number(bar.getAttribute('data-duration-ms')))).to.deep.equal([
      12_510, 15_000, 30_000,
    ]);
    for (const bar of bars) {
      const durationMs = Number(bar.getAttribute('data-duration-ms'));
      expect(Number(bar.getAttribute('width'))).to.be.closeTo(axis.width(durationMs), 0.01);
      expect(bar.closest('.qp-item')?.getAttribute('aria-label')).to.include(
        `Away ${formatDuration(durationMs)},`,
      );
    }
    // On screen too: the bars' drawn widths grow with their durations. Differences, so that the
    // stroke (which Firefox counts in a box and Chromium does not) cancels out.
    const [a = 0, b = 0, c = 0] = bars.map((bar) => bar.getBoundingClientRect().width);
    expect((c - a) / (c - b)).to.be.closeTo((30_000 - 12_510) / (30_000 - 15_000), 0.03);
    // A stretch wide enough carries its length in words: ten minutes in fullscreen.
    expect(host.querySelector('.qp-span-fullscreen .qp-span-label')?.textContent).to.equal('10 min');
    // Real Canvas's log has no client_timestamp: the view says it places events by created_at.
    expect(host.querySelector('.qp-notes')?.textContent).to.include('placed by created_at');
  });

  it("draws the sampled departure behind a tamper_suspected at its length, and the other lanes' stretches", async () => {
    const host = mount(await fixture('tamper-suspected'));
    const labels = [...host.querySelectorAll('.qp-span-away')].map((item) => item.getAttribute('aria-label'));
    expect(labels).to.deep.equal([
      'Away 1.2 s, 2:29 to 2:31',
      'Away 1 min 12 s, 5:01 to 6:13',
      'Away 25 s, 11:40 to 12:05',
    ]);
    const offline = mount(await fixture('clock-jump')).querySelector('.qp-span-offline');
    expect(offline?.getAttribute('aria-label')).to.equal('Offline 45 s, 11:40 to 12:25');
  });

  it('gives the totals of a log with nothing measurable in words: unknown, never 0', async () => {
    const input = await fixture('canvas-only');
    expect(analyzeAttempt(input).summary.awayMs).to.equal(null);
    const host = mount(input);
    expect(host.querySelector('[data-total="awayMs"] dd')?.textContent).to.equal('unknown');
  });
});
