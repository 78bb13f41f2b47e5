// A 10,000-event attempt: drawn whole, its totals those of analyzeAttempt, its marks bounded, its
// events list filled as it scrolls. Its time is the bench's (bench/timeline-run.js), not a test's.
import { expect } from '@esm-bundle/chai';
import { analyzeAttempt } from '../../src/review/index.js';
import { formatFigure } from '../../src/review/timeline/render-totals.js';
import { largeAttempt } from './large-attempt.js';
import { mount, unmount } from './timeline-fixtures.js';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
};

describe('a 10,000-event attempt', () => {
  afterEach(unmount);

  it('draws every lane, the totals of analyzeAttempt, and few enough marks to move between', () => {
    const input = largeAttempt(10_000);
    expect(input.events.length).to.equal(10_000);
    const { summary } = analyzeAttempt(input);
    const host = mount(input);
    const lanes = [...host.querySelectorAll('.qp-lane')].map((lane) => lane.getAttribute('data-lane'));
    expect(lanes.slice(0, 6)).to.deep.equal([
      'findings',
      'focus',
      'visibility',
      'network',
      'fullscreen',
      'actions',
    ]);
    expect(lanes.length).to.equal(6 + 30);
    for (const total of host.querySelectorAll('[data-total]')) {
      const key = total.getAttribute('data-total') as Exclude<keyof typeof summary, 'notes'>;
      expect(total.querySelector('dd')?.textContent, key).to.equal(formatFigure(key, summary[key]));
    }
    // Every departure is drawn, at its own length, in groups the keyboard can get through.
    const bars = host.querySelectorAll('.qp-span-away .qp-bar');
    expect(bars.length).to.equal(summary.departures);
    expect(host.querySelectorAll('.qp-item').length).to.be.below(4000);
    const counted = [...host.querySelectorAll('[data-lane="actions"] .qp-mark-copied')].reduce(
      (sum, mark) => sum + Number(mark.getAttribute('data-count')),
      0,
    );
    expect(counted).to.equal(summary.copies);
  });

  it('fills its events list as it scrolls, and filters it whole', async () => {
    const host = mount(largeAttempt(10_000));
    const chunks = host.querySelectorAll('.qp-chunk');
    expect(chunks.length).to.equal(100);
    expect(chunks[0]?.children.length).to.equal(100);
    const last = chunks[chunks.length - 1];
    expect(last?.children.length).to.equal(0);
    last?.scrollIntoView();
    expect(await until(() => last?.children.length === 100)).to.equal(true);
    expect(last?.lastElementChild?.firstElementChild?.textContent).to.equal('10000');

    const select = host.querySelector<HTMLSelectElement>('select.qp-filter');
    if (!select) throw new Error('no filter');
    select.value = 'text_pasted';
    select.dispatchEvent(new Event('change'));
    const rows = [...host.querySelectorAll('.qp-chunk > .qp-row')];
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.every((row) => row.getAttribute('data-type') === 'text_pasted')).to.equal(true);
    const pasted = largeAttempt(10_000).events.filter((event) => event.event_type === 'text_pasted').length;
    expect(host.querySelectorAll('.qp-chunk').length).to.equal(Math.ceil(pasted / 100));
  });
});
