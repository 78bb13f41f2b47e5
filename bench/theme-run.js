// The theme file's cost on the pages it leaves alone: Canvas loads it on every page of a school, so
// on all but quiz pages it must cost next to nothing. Two figures, each against a floor measured in
// the same run and page:
//
//   1. the whole file on a course page: the top-level run of the IIFE (parse, compile, module
//      set-up, the theme's look at the page), against the same bytes parsed but not run;
//   2. the theme's look itself (`startTheme` on a non-quiz page, with and without a school's
//      settings), against one read of `ENV.QUIZ_SUBMISSION_EVENTS_URL`.
//
//   node bench/theme-run.js [--loads 30] [--calls 5000]      (bench/README.md, "Theme benchmark")
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { fmt, median, table } from './bench-kit.js';
import { launchBenchBrowser } from './launch-bench-browser.js';

const { values } = parseArgs({
  options: {
    loads: { type: 'string', default: '30' },
    calls: { type: 'string', default: '5000' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('node bench/theme-run.js [--loads N page loads per variant] [--calls N startTheme calls]');
  process.exit(0);
}
const loads = Number(values.loads);
const calls = Number(values.calls);

const iife = await readFile('dist/quiz-proctor.iife.min.js', 'utf8').catch(() => {
  console.error('dist/quiz-proctor.iife.min.js is missing: run `npm run build` first');
  process.exit(1);
});
const dir = await mkdtemp(join(tmpdir(), 'qp-theme-bench-'));
const bundled = await build({
  entryPoints: ['bench/theme-bench.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  conditions: ['es2015'],
});

// A course home page as Canvas renders it: ENV first, then the theme file, deferred, last.
const COURSE_ENV = { COURSE_ID: 12, current_user_id: '7', context_asset_string: 'course_12' };
// Each load names its own copy of the script (?n=…), served with a unique last line, so V8's
// in-memory compilation cache never hands one load the work of another.
const coursePage = (src, env = COURSE_ENV) => `<!doctype html><meta charset="utf-8"><title>course</title>
<script>ENV = ${JSON.stringify(env)};</script>
<script>window.__t0 = performance.now();</script>
<script src="${src}?n=__N__"></script>
<script>window.__ms = performance.now() - window.__t0;</script>
<p>Course home</p>`;

const bodies = {
  '/run.html': coursePage('/theme.js'),
  '/floor.html': coursePage('/parse-only.js'),
  // What the file cost before it ran its bundle only where it has work: an ENV that passes the
  // outer check (so the bundle runs and the theme looks at the page) but names no real submission.
  '/eager.html': coursePage('/theme.js', { ...COURSE_ENV, QUIZ_SUBMISSION_EVENTS_URL: 'not-this-page' }),
  '/theme.js': iife,
  // The same bytes, parsed and compiled as a block that never runs.
  '/parse-only.js': `if (window.__never) {\n${iife}\n}`,
  '/micro.html': `<!doctype html><meta charset="utf-8"><title>micro</title><script type="module" src="/micro.js"></script>`,
  '/micro.js': bundled.outputFiles[0].text,
};
let served = 0;
const server = createServer((req, res) => {
  const [path, query = ''] = (req.url ?? '/').split('?');
  let body = bodies[path];
  if (body === undefined) {
    res.writeHead(404);
    res.end();
    return;
  }
  served += 1;
  if (path.endsWith('.html')) body = body.replace('__N__', String(served));
  else if (query.startsWith('n=')) body = `${body}\n// ${query}`;
  const type = path.endsWith('.html') ? 'text/html' : 'text/javascript';
  // No cache: every load parses and compiles from source, as a student's first page of the day.
  res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const { browser } = await launchBenchBrowser('chromium');
try {
  const page = await browser.newPage();
  const runs = { run: [], floor: [], eager: [] };
  // Rotating, so a slow stretch of the shared machine falls on every variant.
  const order = ['run', 'floor', 'eager'];
  for (let i = 0; i < loads; i += 1) {
    for (const variant of [...order.slice(i % 3), ...order.slice(0, i % 3)]) {
      await page.goto(`${origin}/${variant}.html`, { waitUntil: 'load' });
      runs[variant].push(await page.evaluate(() => window.__ms));
    }
  }
  await page.goto(`${origin}/run.html`, { waitUntil: 'load' });
  // Read before anything touches QuizProctor (its first property read loads the bundle).
  const probe = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).length,
    proctor: window.QuizProctor.autoProctor() !== undefined,
  }));
  await page.goto(`${origin}/micro.html`, { waitUntil: 'load' });
  const micro = await page.evaluate(async (n) => window.runThemeBench(n), calls);

  const run = median(runs.run);
  const floor = median(runs.floor);
  // Each load's figure against the floor load next to it, so the machine's drift cancels out.
  const added = median(runs.run.map((ms, i) => ms - runs.floor[i]));
  const eager = median(runs.eager);
  const eagerAdded = median(runs.eager.map((ms, i) => ms - runs.floor[i]));
  console.log(`Theme file on a course page (${loads} loads each, medians, no HTTP cache)\n`);
  console.log(
    table(
      ['figure', 'ms', 'ratio'],
      [
        ['whole file run (parse + compile + top level)', fmt(run, 2), fmt(run / floor, 2) + '× floor'],
        ['floor: the same bytes parsed, not run', fmt(floor, 2), '1×'],
        ['what running adds (median of paired differences)', fmt(added, 2), ''],
        [
          'the bundle run as well (as before the lazy wrapper)',
          fmt(eager, 2),
          fmt(eager / floor, 2) + '× floor',
        ],
        ['what running the bundle adds (paired)', fmt(eagerAdded, 2), ''],
      ],
    ),
  );
  console.log(
    `\nLeft alone: databases ${String(probe.databases)}, a proctor started: ${String(probe.proctor)}\n`,
  );
  console.log(`startTheme on a non-quiz page (${calls} calls, fresh window object each, per call)\n`);
  console.log(
    table(
      ['figure', 'µs per call', 'ratio to the floor'],
      [
        ['startTheme, no settings', fmt(micro.plain, 2), fmt(micro.plain / micro.floor, 1) + '×'],
        [
          'startTheme, a school’s settings',
          fmt(micro.configured, 2),
          fmt(micro.configured / micro.floor, 1) + '×',
        ],
        ['floor: one ENV read', fmt(micro.floor, 3), '1×'],
      ],
    ),
  );
} finally {
  await browser.close();
  server.close();
  await rm(dir, { recursive: true, force: true });
}
