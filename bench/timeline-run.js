// The attempt timeline's cost: 10,000 events drawn in headless Chromium (mountTimeline: analyze,
// render, parse, wire, lay out), against a floor measured in the same page and run: as many plain
// rows of an event's text, laid out. The goal (issue 13) is under 200 ms for 10,000 events on this machine.
//
//   npm run bench:timeline [-- --events 10000 --rounds 10 --screenshot docs/review.png]
//                                                        (bench/README.md, "Timeline benchmark")
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { fmt, median, table } from './bench-kit.js';
import { launchBenchBrowser } from './launch-bench-browser.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '10' },
    screenshot: { type: 'string' },
    fixture: { type: 'string', default: 'test/review/fixtures/tamper-suspected.json' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'node bench/timeline-run.js [--events N] [--rounds N] [--screenshot out.png [--fixture a.json]]',
  );
  process.exit(0);
}
const count = Number(values.events);
const rounds = Number(values.rounds);

const bundled = await build({
  entryPoints: ['bench/timeline-bench.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
});
const bodies = {
  '/': `<!doctype html><meta charset="utf-8"><title>timeline bench</title><body><script type="module" src="/bench.js"></script>`,
  '/bench.js': bundled.outputFiles[0].text,
};
const server = createServer((req, res) => {
  const body = bodies[req.url ?? '/'];
  res.writeHead(body === undefined ? 404 : 200, {
    'Content-Type': req.url === '/' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8',
  });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const loadAtStart = loadavg()[0];
const { browser } = await launchBenchBrowser('chromium');
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(origin, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof window.runTimelineBench === 'function');
  const result = await page.evaluate((n, r) => window.runTimelineBench(n, r), count, rounds);
  const floor = median(result.floor);
  const figure = (name, values) => [name, fmt(median(values), 1), fmt(median(values) / floor, 2) + '×'];
  console.log(
    `${String(cpus().length)} cores, load average ${fmt(loadAtStart, 2)} at start, ${fmt(loadavg()[0], 2)} at end`,
  );
  console.log(
    `Attempt timeline, ${String(count)} events (${String(rounds)} rounds after a warm-up, medians; ${String(result.items)} focusable marks, ${fmt(result.htmlBytes / 1024, 0)} KiB of HTML)\n`,
  );
  console.log(
    table(
      ['figure', 'ms', 'against the floor'],
      [
        figure(`mountTimeline, ${String(count)} events, laid out`, result.mount),
        figure('  its steps: analyze and build the model', result.build),
        figure('  the HTML string (rows left to fill)', result.html),
        figure('  innerHTML (parse: SVG, totals, first 100 rows)', result.parse),
        figure('  style and layout', result.layout),
        figure('renderTimeline alone (the whole string, every row)', result.render),
        figure(`floor: ${String(count)} plain rows of text, laid out`, result.floor),
        figure('mountTimeline, 100 events, laid out', result.small),
      ],
    ),
  );
  const mount = median(result.mount);
  console.log(
    `\nGoal: under 200 ms for 10,000 events: ${fmt(mount, 1)} ms, ${mount < 200 ? 'met' : 'NOT met'}.`,
  );
  if (values.screenshot) await screenshot(browser, values.fixture, values.screenshot);
} finally {
  await browser.close();
  server.close();
}

// The view of a recorded attempt as a reviewer sees it, for docs/review.png.
async function screenshot(browser, fixture, out) {
  const { events, submission } = JSON.parse(await readFile(fixture, 'utf8'));
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(origin, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof window.runTimelineBench === 'function');
  await page.evaluate(
    (input) => {
      document.body.replaceChildren();
      document.body.style.margin = '16px';
      const host = document.createElement('div');
      document.body.append(host);
      window.mountTimeline(host, input);
      host.querySelector('.qp-badge')?.dispatchEvent(new Event('focusin', { bubbles: true }));
    },
    { events, submission, title: 'Quiz 2, attempt 1 (recorded fixture)' },
  );
  // The totals, findings and timeline: the events table runs on below, as on the reviewer's screen.
  const box = await page.$eval('.qp-events', (node) => node.getBoundingClientRect().top + 160);
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1100, height: Math.ceil(box) } });
  console.log(`\nscreenshot of ${fixture}: ${out}`);
}
