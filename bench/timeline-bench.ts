// In the page of bench/timeline-run.js: an attempt of `count` events drawn as a reviewer sees it
// (mountTimeline: analyze, render the HTML, parse it into the page, wire it, lay it out), against a
// floor in the same page: as many plain rows (a div of five spans each, unstyled), each with the text of
// an event's row.
import { mountTimeline, renderTimeline } from '../src/review/index.js';
import { buildTimeline } from '../src/review/timeline/build-timeline.js';
import { renderModel } from '../src/review/timeline/render-timeline.js';
import { largeAttempt } from '../test/review-timeline/large-attempt.js';

declare global {
  interface Window {
    runTimelineBench: (count: number, rounds: number) => TimelineBenchResult;
    /** For the driver's screenshot of a recorded attempt. */
    mountTimeline: typeof mountTimeline;
  }
}

export interface TimelineBenchResult {
  /** mountTimeline of `count` events, then a layout: what the reviewer waits for, ms per round. */
  mount: number[];
  /** renderTimeline alone (analyze + the whole string, every row: a report's file), ms per round. */
  render: number[];
  /** mountTimeline's steps, taken apart in one more run per round: analyze and model, the HTML
   * string (rows left to fill), innerHTML, the layout. */
  build: number[];
  html: number[];
  parse: number[];
  layout: number[];
  /** innerHTML of `count` plain rows of an event's text, then a layout, ms per round. */
  floor: number[];
  /** mountTimeline of 100 events, then a layout, ms per round. */
  small: number[];
  htmlBytes: number;
  items: number;
}

const host = document.createElement('div');
host.style.width = '1100px';
document.body.append(host);

const timed = (run: () => void): number => {
  const started = performance.now();
  run();
  // Reading a size forces style and layout: the view is on screen, not only in the DOM.
  host.getBoundingClientRect();
  return performance.now() - started;
};

function plainRows(count: number): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i += 1)
    rows.push(
      `<div><span>${String(i + 1)}</span> <span>1:${String(i % 60).padStart(2, '0')}</span> <span>text_copied</span> <span>l1a2r3g4 · ${String(i)}</span> <span>{"question_id":"101","text_length":40,"seq":${String(i)},"tab":"l1a2r3g4"}</span></div>`,
    );
  return rows.join('');
}

window.mountTimeline = mountTimeline;
window.runTimelineBench = (count, rounds) => {
  const big = largeAttempt(count);
  const tiny = largeAttempt(100);
  const result: TimelineBenchResult = {
    mount: [],
    render: [],
    build: [],
    html: [],
    parse: [],
    layout: [],
    floor: [],
    small: [],
    htmlBytes: 0,
    items: 0,
  };
  // Round 0 warms the code up and is not counted; the variants rotate so drift falls on each.
  for (let round = 0; round <= rounds; round += 1) {
    const runs: ['mount' | 'render' | 'floor' | 'small' | 'steps', () => void][] = [
      ['mount', () => mountTimeline(host, big)],
      ['render', () => void (result.htmlBytes = renderTimeline(big).length)],
      ['floor', () => (host.innerHTML = plainRows(count))],
      ['small', () => mountTimeline(host, tiny)],
      [
        'steps',
        () => {
          steps(round > 0);
        },
      ],
    ];
    for (const [name, run] of [...runs.slice(round % runs.length), ...runs.slice(0, round % runs.length)]) {
      host.replaceChildren();
      const ms = timed(run);
      if (round > 0 && name !== 'steps') result[name].push(ms);
    }
  }
  // The same work as mountTimeline's, step by step (its listeners aside).
  function steps(keep: boolean) {
    let started = performance.now();
    const lap = (into: number[]) => {
      const now = performance.now();
      if (keep) into.push(now - started);
      started = now;
    };
    const model = buildTimeline(big);
    lap(result.build);
    const html = renderModel(model, false);
    lap(result.html);
    host.innerHTML = html;
    lap(result.parse);
    host.getBoundingClientRect();
    lap(result.layout);
  }
  mountTimeline(host, big);
  result.items = host.querySelectorAll('.qp-item').length;
  return result;
};
