// The delivery benchmark: one event storm, driven in one headless Chromium page through our
// pipeline (record() → IndexedDB → batched POST) and through a Canvas-style baseline (one
// localStorage key rewritten per event, everything in one POST), both against the real
// Canvas-compatible server on the page's own origin. Prints a table and the targets' verdicts.
//
//   npm run bench [-- --events 5000 …]   (npm run bench -- --help lists the options; see bench/README.md)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import {
  fmt,
  locatorFor,
  median,
  quantile,
  sorted,
  sum,
  startBenchServer,
  summarizeProfile,
  table,
} from './bench-kit.js';
import { BENCH_ENGINES, launchBenchBrowser } from './launch-bench-browser.js';

const here = dirname(fileURLToPath(import.meta.url));
const loadAtStart = loadavg()[0];

const usage = `npm run bench -- [options]
  --events N     events in each storm (default 5000)
  --burst K      capture calls per task; the storm yields to the event loop between bursts (default 20)
  --rounds R     rounds; odd rounds run ours first, even rounds the baseline first (default 2)
  --rate E       pace the storm at E events/s (default 0: as fast as each sink returns)
  --sustained E  also run ours once per round with the storm paced at E events/s, so that writing
                 overlaps delivery as in any storm longer than one write window (default 20000; 0: skip)
  --options J    JSON options for our pipeline over its defaults, e.g. '{"maxBatchEvents":500}'
  --profile      print where our pipeline's first run spends main-thread time (CPU profile)
  --trace FILE   write a Chrome trace of our pipeline's first run (DevTools › Performance › Load profile)
  --browser NAME chromium (default) or firefox; Firefox has no CDP, so TaskDuration figures and
                 --profile are Chromium's only
  --json FILE    write every figure as JSON
  --strict       exit 1 when a target is missed`;

function usageError(message) {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      events: { type: 'string', default: '5000' },
      burst: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '2' },
      rate: { type: 'string', default: '0' },
      sustained: { type: 'string', default: '20000' },
      options: { type: 'string', default: '{}' },
      profile: { type: 'boolean', default: false },
      trace: { type: 'string' },
      browser: { type: 'string', default: 'chromium' },
      json: { type: 'string' },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  usageError(error.message);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
if (!BENCH_ENGINES.includes(args.browser)) usageError(`--browser must be one of ${BENCH_ENGINES.join(', ')}`);
if (args.browser === 'firefox' && (args.profile || args.trace))
  usageError('--profile and --trace need Chromium');
const integer = (name, min) => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < min) usageError(`--${name} must be an integer ≥ ${min}`);
  return value;
};
const EVENTS = integer('events', 1);
const BURST = integer('burst', 1);
const ROUNDS = integer('rounds', 1);
const RATE = integer('rate', 0);
const SUSTAINED = integer('sustained', 0);
let OPTIONS = {};
try {
  OPTIONS = JSON.parse(args.options);
} catch {
  usageError('--options must be a JSON object of createProctor options');
}

const TARGETS = { p99Us: 50, eventsPerSecond: 10_000, requestsPer1000: 10 };
// ---------------------------------------------------------------------------------------------
// Statistics and formatting

// ---------------------------------------------------------------------------------------------
// Server: the Canvas emulator behind a tiny front handler that also serves the bench page on the
// same origin (as Canvas serves its quiz page) and tallies every events POST's body size.

// Tallies every events POST's body size and status, for requests and bytes per 1,000 events.
async function startServer(bundleDir) {
  const posts = new Map();
  const server = await startBenchServer({
    bundleDir,
    bundleName: 'pipeline-bench.js',
    title: 'quiz-proctor delivery bench',
    onApiRequest: (req, res, path) => {
      if (req.method !== 'POST' || !path.endsWith('/events')) return;
      const tally = posts.get(path) ?? { requests: 0, bytes: 0, statuses: {} };
      tally.requests += 1;
      tally.bytes += Number(req.headers['content-length'] ?? 0);
      res.on('finish', () => {
        tally.statuses[res.statusCode] = (tally.statuses[res.statusCode] ?? 0) + 1;
      });
      posts.set(path, tally);
    },
  });
  return { ...server, posts };
}

async function call(origin, method, path, { token, json } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${origin}${path}`, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return { body: text === '' ? undefined : JSON.parse(text), link: response.headers.get('link') ?? '' };
}

/** A fresh course, quiz and student, and the student's started (untaken) quiz submission. */
async function startSubmission(origin) {
  const { body: fixture } = await call(origin, 'POST', '/__control/fixtures', {
    json: { timeLimitMinutes: null },
  });
  const courseId = String(fixture.courseId);
  const quizId = String(fixture.quizId);
  const { body } = await call(origin, 'POST', `/api/v1/courses/${courseId}/quizzes/${quizId}/submissions`, {
    token: fixture.student.token,
    json: fixture.accessCode ? { access_code: fixture.accessCode } : {},
  });
  const qs = body.quiz_submissions[0];
  return {
    courseId,
    quizId,
    studentToken: fixture.student.token,
    teacherToken: fixture.teacher.token,
    submission: {
      id: String(qs.id),
      attempt: Number(qs.attempt),
      validationToken: String(qs.validation_token),
    },
  };
}

/** Every event the server stored for the attempt, read back as the teacher (Link pagination). */
async function readBack(origin, target) {
  const rows = [];
  let path = `/api/v1/courses/${target.courseId}/quizzes/${target.quizId}/submissions/${target.submission.id}/events?per_page=100&include_client_timestamp=true`;
  while (path) {
    const { body, link } = await call(origin, 'GET', path, { token: target.teacherToken });
    rows.push(...body.quiz_submission_events);
    const next = /<([^>]+)>;\s*rel="next"/.exec(link)?.[1];
    path = next ? next.replace(origin, '') : undefined;
  }
  return rows.filter((row) => row.event_type !== 'submission_created');
}

async function serverRequestLog(origin, target) {
  try {
    const path = `/submissions/${target.submission.id}/events`;
    const { body } = await call(origin, 'GET', `/__control/requests?path=${encodeURIComponent(path)}`);
    const posts = body.requests.filter((entry) => entry.method === 'POST' && entry.path.endsWith(path));
    return { requests: posts.length, bytes: sum(posts.map((entry) => Number(entry.bodySize ?? 0))) };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Zero-loss check: the server's rows against the storm, in order.

const NO_DATA = new Set(['page_blurred', 'page_focused']);
const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkDelivery(expected, rows) {
  const seqs = [];
  let shapeDiffs = 0;
  const keys = rows.map((row) => {
    let data = row.event_data ?? null;
    if (isPlainObject(data) && 'seq' in data) {
      // `tab` (the page load) and `seq` are added by the pipeline; the rest is what was recorded.
      const { seq, tab, ...rest } = data;
      void tab;
      seqs.push(seq);
      data = rest;
    }
    // record(type) without data gives {} where Canvas's page omits event_data: a shape difference, not a loss.
    if (NO_DATA.has(row.event_type) && isPlainObject(data) && Object.keys(data).length === 0) {
      shapeDiffs += 1;
      data = null;
    }
    return `${row.event_type}|${JSON.stringify(data)}`;
  });
  const wanted = expected.map((event) => `${event.type}|${JSON.stringify(event.data ?? null)}`);
  const counts = new Map();
  for (const key of wanted) counts.set(key, (counts.get(key) ?? 0) + 1);
  let duplicates = 0;
  for (const key of keys) {
    const left = counts.get(key) ?? 0;
    if (left === 0) duplicates += 1;
    else counts.set(key, left - 1);
  }
  const missing = sum([...counts.values()]);
  const inOrder = keys.length === wanted.length && keys.every((key, i) => key === wanted[i]);
  const stamps = rows.map((row) => row.client_timestamp);
  const uniqueStamps = new Set(stamps).size;
  const stampsIncreasing = stamps.every((stamp, i) => i === 0 || stamp > stamps[i - 1]);
  const seqUnique = new Set(seqs).size === seqs.length;
  const seqIncreasing = seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]);
  return {
    received: rows.length,
    missing,
    duplicates,
    inOrder,
    shapeDiffs,
    seqCount: seqs.length,
    seqUnique,
    seqIncreasing,
    uniqueStamps,
    stampsIncreasing,
  };
}

// ---------------------------------------------------------------------------------------------
// CPU profile summary (--profile): where our first run spends main-thread time, by function,
// mapped back to the TypeScript sources through the bundle's source map.

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = performance.now();

  const bundleDir = await mkdtemp(join(tmpdir(), 'quiz-proctor-bench-'));
  const cleanups = [() => rm(bundleDir, { recursive: true, force: true })];
  const cleanup = async () => {
    for (const step of cleanups.reverse())
      await step().catch((error) => console.error('cleanup:', error.message));
  };
  try {
    await build({
      entryPoints: [join(here, 'pipeline-bench.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      // As the shipped IIFE resolves rxjs (rollup.config.mjs): its es2015 build, not ES5.
      conditions: ['es2015'],
      sourcemap: true,
      outfile: join(bundleDir, 'pipeline-bench.js'),
      logLevel: 'error',
    });

    const server = await startServer(bundleDir);
    cleanups.push(server.close);
    const { browser, cdpFor, taskSeconds } = await launchBenchBrowser(args.browser);
    cleanups.push(async () => {
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
    });
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`${server.origin}/__bench/`);
    await page.waitForFunction(() => 'bench' in globalThis, { timeout: 10_000 });
    const cdp = await cdpFor(page);
    const info = await page.evaluate(() => globalThis.bench.info());
    const chromeVersion = await browser.version();
    const expected = await page.evaluate((n) => globalThis.bench.makeStorm(n), EVENTS);

    let profiled;
    let traced = false;
    const runPhase = async (kind, label, scenario = 'storm') => {
      const rate = scenario === 'storm' ? RATE : SUSTAINED;
      const target =
        kind === 'null'
          ? {
              courseId: '1',
              quizId: '1',
              studentToken: 'none',
              submission: { id: '1', attempt: 1, validationToken: 'none' },
            }
          : await startSubmission(server.origin);
      const input = {
        kind,
        events: EVENTS,
        burst: BURST,
        rate,
        options: OPTIONS,
        courseId: target.courseId,
        quizId: target.quizId,
        token: target.studentToken,
        submission: target.submission,
      };
      await page.evaluate((i) => globalThis.bench.prepare(i), input);
      await cdp?.send('HeapProfiler.collectGarbage');
      const watchOurs = kind === 'ours' && profiled === undefined && args.profile;
      const traceOurs = kind === 'ours' && !traced && args.trace;
      if (watchOurs) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      if (traceOurs) {
        traced = true;
        await page.tracing.start({
          path: args.trace,
          categories: [
            'devtools.timeline',
            'v8.execute',
            'disabled-by-default-devtools.timeline',
            'disabled-by-default-v8.cpu_profiler',
          ],
        });
      }
      const before = await taskSeconds(page);
      const result = await page.evaluate(() => globalThis.bench.run());
      const after = await taskSeconds(page);
      if (traceOurs) await page.tracing.stop();
      if (watchOurs) {
        const { profile } = await cdp.send('Profiler.stop');
        const map = JSON.parse(await readFile(join(bundleDir, 'pipeline-bench.js.map'), 'utf8'));
        profiled = summarizeProfile(profile, locatorFor(map), { bundleName: 'pipeline-bench.js' });
      }
      await page.evaluate(() => globalThis.bench.finish());
      const phase = {
        label,
        kind,
        scenario,
        result,
        taskUsPerEvent: ((after - before) * 1e6) / EVENTS,
      };
      if (kind !== 'null') {
        const rows = await readBack(server.origin, target);
        phase.delivery = checkDelivery(expected, rows);
        const path = `/api/v1/courses/${target.courseId}/quizzes/${target.quizId}/submissions/${target.submission.id}/events`;
        phase.front = server.posts.get(path) ?? { requests: 0, bytes: 0, statuses: {} };
        phase.serverLog = await serverRequestLog(server.origin, target);
      }
      return phase;
    };

    const phases = [];
    phases.push(await runPhase('null', 'calibration'));
    for (let round = 1; round <= ROUNDS; round += 1) {
      const order = round % 2 === 1 ? ['ours', 'baseline'] : ['baseline', 'ours'];
      for (const [position, kind] of order.entries()) {
        phases.push(await runPhase(kind, `round ${round}, ${position === 0 ? 'first' : 'second'}`));
      }
      if (SUSTAINED > 0) phases.push(await runPhase('ours', `round ${round}, paced`, 'sustained'));
    }
    phases.push(await runPhase('null', 'calibration (end)'));

    const summary = report({
      info,
      chromeVersion,
      phases,
      profiled,
      pageErrors,
      seconds: (performance.now() - t0) / 1000,
    });
    if (args.json) {
      const raw = phases.map(({ result, ...rest }) => ({
        ...rest,
        result: { ...result, callUs: undefined, burstUs: undefined },
      }));
      await writeFile(
        args.json,
        JSON.stringify(
          {
            info,
            chromeVersion,
            events: EVENTS,
            burst: BURST,
            rate: RATE,
            options: OPTIONS,
            ...summary,
            phases: raw,
          },
          null,
          2,
        ),
      );
    }
  } finally {
    await cleanup();
  }
}

function figures(phases, nullTaskUs, nullSyncUs) {
  const calls = sorted(phases.flatMap((phase) => phase.result.callUs));
  const bursts = sorted(phases.flatMap((phase) => phase.result.burstUs));
  const syncMean = (phase) =>
    sum(phase.result.burstUs.map((us, i) => us * Math.min(BURST, EVENTS - i * BURST))) / EVENTS;
  const perRound = (pick) => median(phases.map(pick));
  const delivery = phases.map((phase) => phase.delivery);
  const requests = sum(phases.map((phase) => (phase.serverLog ?? phase.front).requests));
  const bytes = sum(phases.map((phase) => (phase.serverLog ?? phase.front).bytes));
  const events = EVENTS * phases.length;
  const netTask = perRound((phase) => phase.taskUsPerEvent) - nullTaskUs;
  const netSync = perRound(syncMean) - nullSyncUs;
  return {
    callMedian: quantile(calls, 0.5),
    callP99: quantile(calls, 0.99),
    callMax: calls[calls.length - 1],
    burstMedian: quantile(bursts, 0.5),
    burstP99: quantile(bursts, 0.99),
    netTask,
    asyncPart: Math.max(0, netTask - netSync),
    persistedPerSecond: perRound((phase) => (EVENTS / phase.result.persistedMs) * 1000),
    deliveredPerSecond: perRound((phase) => (EVENTS / phase.result.deliveredMs) * 1000),
    longTasks: sum(phases.map((phase) => phase.result.longTasks.length)),
    longestTask: Math.max(
      0,
      ...phases.flatMap((phase) => phase.result.longTasks.map((task) => task.durationMs)),
    ),
    requestsPer1000: (requests / events) * 1000,
    kbPer1000: ((bytes / events) * 1000) / 1024,
    missing: sum(delivery.map((d) => d.missing)),
    duplicates: sum(delivery.map((d) => d.duplicates)),
    inOrder: delivery.every((d) => d.inOrder),
    stored: Math.min(...phases.map((phase) => phase.result.storedCount)),
    shapeDiffs: sum(delivery.map((d) => d.shapeDiffs)),
  };
}

function report({ info, chromeVersion, phases, profiled, pageErrors, seconds }) {
  const storm = phases.filter((phase) => phase.scenario === 'storm');
  const nulls = storm.filter((phase) => phase.kind === 'null');
  const ours = storm.filter((phase) => phase.kind === 'ours');
  const base = storm.filter((phase) => phase.kind === 'baseline');
  const paced = phases.filter((phase) => phase.scenario === 'sustained');
  const allOurs = phases.filter((phase) => phase.kind === 'ours');
  const syncMeanOf = (phase) =>
    sum(phase.result.burstUs.map((us, i) => us * Math.min(BURST, EVENTS - i * BURST))) / EVENTS;
  const nullTaskUs = median(nulls.map((phase) => phase.taskUsPerEvent));
  const nullSyncUs = median(nulls.map(syncMeanOf));
  const nullCalls = sorted(nulls.flatMap((phase) => phase.result.callUs));
  const o = figures(ours, nullTaskUs, nullSyncUs);
  const b = figures(base, nullTaskUs, nullSyncUs);
  const s = paced.length > 0 ? figures(paced, NaN, NaN) : undefined;
  const step = info.timerStepUs;

  const lower = (x, y) => (x === 0 && y === 0 ? '=' : x === 0 ? '∞' : y / x); // baseline/ours: >1 = ours ahead
  const higher = (x, y) => x / y; // ours/baseline: >1 = ours ahead
  const row = (name, pick, digits, ratio) => [
    name,
    fmt(pick(o), digits),
    fmt(pick(b), digits),
    ratio === undefined ? '' : fmt(ratio(pick(o), pick(b))),
    s ? fmt(pick(s), digits) : '',
  ];
  const rows = [
    [
      `capture call, per call: median µs (timer step ${fmt(step, 1)} µs)`,
      fmt(o.callMedian),
      fmt(b.callMedian),
      o.callMedian < step ? '— (below step)' : fmt(lower(o.callMedian, b.callMedian)),
      s ? fmt(s.callMedian) : '',
    ],
    row('capture call, per call: p99 µs', (f) => f.callP99, 1, lower),
    row('capture call, per call: max µs', (f) => f.callMax, 1, lower),
    row(`capture call, mean of each burst of ${BURST}: median µs`, (f) => f.burstMedian, 2, lower),
    row(`capture call, mean of each burst of ${BURST}: p99 µs`, (f) => f.burstP99, 2, lower),
    [
      ...row('main thread, all work per event µs (sync + async)', (f) => f.netTask, 2, lower).slice(0, 4),
      '—',
    ],
    [...row('  of which async (persist + deliver) µs', (f) => f.asyncPart, 2, lower).slice(0, 4), '—'],
    row('events/s persisted (first record → all stored)', (f) => f.persistedPerSecond, 0, higher),
    row('events/s delivered (first record → flush acked)', (f) => f.deliveredPerSecond, 0, higher),
    row('long tasks > 50 ms (all runs)', (f) => f.longTasks, 0, lower),
    [
      'longest long task ms',
      o.longTasks ? fmt(o.longestTask, 0) : '—',
      b.longTasks ? fmt(b.longestTask, 0) : '—',
      '',
      s ? (s.longTasks ? fmt(s.longestTask, 0) : '—') : '',
    ],
    row('requests per 1,000 events', (f) => f.requestsPer1000, 2, lower),
    row('request body KiB per 1,000 events', (f) => f.kbPer1000, 1, lower),
    [
      'lost / duplicated events on the server (all runs)',
      `${o.missing} / ${o.duplicates}`,
      `${b.missing} / ${b.duplicates}`,
      '',
      s ? `${s.missing} / ${s.duplicates}` : '',
    ],
    [
      'server order = capture order',
      o.inOrder ? 'yes' : 'NO',
      b.inOrder ? 'yes' : 'NO',
      '',
      s ? (s.inOrder ? 'yes' : 'NO') : '',
    ],
  ];

  const detail = phases
    .filter((phase) => phase.kind !== 'null')
    .map((phase) => {
      const r = phase.result;
      const calls = sorted(r.callUs);
      const log = phase.serverLog ?? phase.front;
      const d = phase.delivery;
      return [
        `${phase.label}: ${phase.kind}`,
        fmt(quantile(calls, 0.5)),
        fmt(quantile(calls, 0.99)),
        phase.scenario === 'storm' ? fmt(phase.taskUsPerEvent - nullTaskUs, 2) : '—',
        fmt(r.stormMs, 0),
        fmt(r.persistedMs, 0),
        fmt(r.deliveredMs, 0),
        String(r.longTasks.length),
        String(log.requests),
        fmt(log.bytes / 1024, 0),
        `${d.received}/${EVENTS}`,
        d.inOrder ? 'yes' : 'NO',
      ];
    });

  const judged = s ? [o, s] : [o];
  const worst = (pick, better) => judged.map(pick).reduce((x, y) => (better(x, y) ? y : x));
  const zeroLoss = judged.every(
    (f) => f.missing === 0 && f.duplicates === 0 && f.inOrder && f.stored >= EVENTS,
  );
  const seqOk = allOurs.every(
    ({ delivery: d }) =>
      d.seqUnique && d.seqIncreasing && d.stampsIncreasing && d.uniqueStamps === d.received,
  );
  const p99 = worst(
    (f) => f.callP99,
    (x, y) => y > x,
  );
  const persisted = worst(
    (f) => f.persistedPerSecond,
    (x, y) => y < x,
  );
  const longTasks = sum(judged.map((f) => f.longTasks));
  const longest = Math.max(...judged.map((f) => f.longestTask));
  const requests = worst(
    (f) => f.requestsPer1000,
    (x, y) => y > x,
  );
  const bothWays = (value) => (s ? `${value(o)} (storm), ${value(s)} (paced)` : value(o));
  const ahead = [
    ['capture p99', o.callP99 < b.callP99],
    ['capture median (burst means)', o.burstMedian < b.burstMedian],
    ['main-thread work per event', o.netTask < b.netTask],
    ['events/s persisted', o.persistedPerSecond > b.persistedPerSecond],
    ['long tasks', o.longTasks < b.longTasks || (o.longTasks === 0 && b.longTasks === 0)],
    ['requests per 1,000', o.requestsPer1000 < b.requestsPer1000],
    ['bytes per 1,000', o.kbPer1000 < b.kbPer1000],
    ['loss', o.missing + o.duplicates <= b.missing + b.duplicates],
  ];
  const behind = ahead.filter(([, ok]) => !ok).map(([name]) => name);
  const verdicts = [
    [
      `p99 main-thread cost per event ≤ ${TARGETS.p99Us} µs`,
      bothWays((f) => `${fmt(f.callP99)} µs`),
      p99 <= TARGETS.p99Us,
    ],
    [
      `≥ ${fmt(TARGETS.eventsPerSecond, 0)} events/s persisted, zero loss`,
      `${bothWays((f) => `${fmt(f.persistedPerSecond, 0)}/s`)}; lost ${sum(judged.map((f) => f.missing))}, ` +
        `dup ${sum(judged.map((f) => f.duplicates))}, order ${judged.every((f) => f.inOrder) ? 'kept' : 'BROKEN'}, ` +
        `seq ${seqOk ? 'unique+increasing' : 'BAD'}`,
      persisted >= TARGETS.eventsPerSecond && zeroLoss && seqOk,
    ],
    [
      'no long task',
      `${bothWays((f) => String(f.longTasks))}${longTasks ? `; longest ${fmt(longest, 0)} ms` : ''}`,
      longTasks === 0,
    ],
    [
      `≤ ${TARGETS.requestsPer1000} requests per 1,000 events (${Object.keys(OPTIONS).length ? 'NOT defaults' : 'defaults'})`,
      bothWays((f) => fmt(f.requestsPer1000, 2)),
      requests <= TARGETS.requestsPer1000,
    ],
    [
      'ahead of the baseline on every figure (same storm)',
      behind.length === 0 ? 'all' : `behind on: ${behind.join(', ')}`,
      behind.length === 0,
    ],
  ];

  const line = '='.repeat(110);
  console.log(line);
  console.log(
    `quiz-proctor delivery bench — ${new Date().toISOString().slice(0, 10)}, ${chromeVersion}, Node ${process.version}, ` +
      `${cpus().length} cores (load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end)`,
  );
  console.log(
    `Storm: ${EVENTS} events per run (3/10 question_viewed, 1/10 page_blurred, 1/10 page_focused, 5/10 own types), ` +
      `${BURST} capture calls per task, ${RATE > 0 ? `paced at ${fmt(RATE, 0)} events/s` : 'unpaced (as fast as each sink returns)'}; ` +
      `${ROUNDS} round(s): odd rounds ours first, even rounds baseline first` +
      `${SUSTAINED > 0 ? `, then ours alone with the storm paced at ${fmt(SUSTAINED, 0)} events/s` : ''}.`,
  );
  console.log(
    `Ours: createProctorWith(normalizeOptions({…${Object.keys(OPTIONS).length ? JSON.stringify(OPTIONS) : 'defaults'}}), defaultDeps()) + record(); ` +
      `baseline: bench/canvas-baseline.ts (qla_events rewritten per event, all pending in one POST on flush or its 15 s interval).`,
  );
  console.log(
    `performance.now() step: ${fmt(step, 1)} µs (crossOriginIsolated=${info.crossOriginIsolated}): per-call figures are ` +
      `quantised to it, so medians also come from burst means (one timer pair around ${BURST} calls). ` +
      `Floor (no-op sink): per call median ${fmt(quantile(nullCalls, 0.5))} µs, p99 ${fmt(quantile(nullCalls, 0.99))} µs, burst mean ${fmt(nullSyncUs, 3)} µs.`,
  );
  console.log(line);
  console.log(
    table(
      ['figure', 'ours', 'baseline', '× (>1 = ours ahead)', s ? `ours, paced ${fmt(SUSTAINED, 0)}/s` : ''],
      rows,
    ),
  );
  console.log('\n× is baseline/ours for costs, counts, requests and bytes, and ours/baseline for events/s.');
  console.log(
    `Main-thread figures: Chromium's TaskDuration over the run, minus the same storm into a no-op sink (${fmt(nullTaskUs, 2)} µs/event); async = that minus the synchronous part.`,
  );
  console.log('\nPer run:');
  console.log(
    table(
      [
        'run',
        'call med µs',
        'call p99 µs',
        'main µs/ev',
        'storm ms',
        'persisted ms',
        'delivered ms',
        'long',
        'POSTs',
        'KiB',
        'on server',
        'order',
      ],
      detail,
    ),
  );
  const baselinePosts = base.map((phase) => phase.result.posts);
  console.log(
    `\nBaseline POSTs per run: ${baselinePosts.join(', ')} (${baselinePosts.some((n) => n > 1) ? 'its 15 s interval fired during a run' : 'its 15 s interval never fired: one explicit flush, one POST of every event'}). ` +
      `At the end of the storm its localStorage held (or had delivered) ${b.stored}/${EVENTS} events (min over runs).`,
  );
  const slice = (from, to) => median(base.flatMap((phase) => phase.result.callUs.slice(from, to)));
  const tenth = Math.max(1, Math.floor(EVENTS / 10));
  console.log(
    `The baseline's capture cost grows with its buffer: per-call median ${fmt(slice(0, tenth))} µs over the first ` +
      `${tenth} events, ${fmt(slice(EVENTS - tenth, EVENTS))} µs over the last ${tenth} (ours: ${fmt(median(ours.flatMap((phase) => phase.result.burstUs.slice(-Math.ceil(tenth / BURST)))), 2)} µs, last bursts' mean).`,
  );
  for (const phase of allOurs) {
    const tasks = phase.result.longTasks.map(
      (task) => `${fmt(task.durationMs, 0)} ms at +${fmt(task.startMs, 0)} ms`,
    );
    // Until the storm was persisted: how the writes went, and what delivery did meanwhile.
    const until = phase.result.persistedMs;
    const ops = phase.result.storeOps.filter((op) => op.startMs <= until);
    const of = (name) => ops.filter((op) => op.op === name);
    const describe = (list) =>
      list.length === 0
        ? 'none'
        : `${list.length}× (${fmt(sum(list.map((op) => op.events)) / list.length, 0)} events, ` +
          `${fmt(sum(list.map((op) => op.endMs - op.startMs)) / list.length, 1)} ms mean, ` +
          `${fmt(Math.max(...list.map((op) => op.endMs - op.startMs)), 1)} ms max)`;
    console.log(
      `Ours, ${phase.label}: storm ended +${fmt(phase.result.stormMs, 0)} ms, persisted +${fmt(until, 0)} ms; until then ` +
        `append ${describe(of('append'))}, ack ${describe(of('ack'))}, peek ${of('peek').length}×` +
        `${tasks.length ? `; long task(s) ${tasks.join(', ')}` : ''}.`,
    );
  }
  const stats = allOurs.map((phase) => phase.result.stats);
  const statsText = [
    ...new Set(
      stats.map(
        (x) =>
          `pending ${x.pending}, delivered ${x.delivered}, retried ${x.retried}, dropped ${x.dropped}, dead-lettered ${x.deadLettered}, storage ${x.storage}`,
      ),
    ),
  ];
  console.log(
    `Ours getStats() after each flush: ${statsText.join(' | ')}; IndexedDB took ${Math.min(o.stored, s?.stored ?? Infinity)}/${EVENTS} (min over runs).`,
  );
  const shapeDiffs = o.shapeDiffs + (s?.shapeDiffs ?? 0);
  if (shapeDiffs > 0) {
    console.log(
      `Note: ${shapeDiffs} page_blurred/page_focused rows came back from our pipeline with event_data {} where Canvas's page omits event_data (record() turns no data into {}); counted as delivered.`,
    );
  }
  for (const phase of phases.filter((p) => p.front)) {
    const failed = Object.entries(phase.front.statuses).filter(([status]) => !status.startsWith('2'));
    if (failed.length > 0) {
      console.log(
        `Note: ${phase.label} ${phase.kind}: events POSTs answered ${failed.map(([st, n]) => `${n}× ${st}`).join(', ')}.`,
      );
    }
  }
  const disagree = phases.filter(
    (phase) => phase.serverLog && phase.serverLog.requests !== phase.front.requests,
  );
  if (disagree.length > 0)
    console.log(
      `Note: the server's request log and the front counter disagree on ${disagree.length} run(s).`,
    );
  const errors = phases.flatMap((phase) =>
    phase.result.errors.map((error) => `${phase.label} ${phase.kind}: ${error}`),
  );
  for (const error of [...errors, ...pageErrors]) console.log(`error: ${error}`);

  console.log('\nTargets (ours; each judged on the storm and on the paced run):');
  console.log(
    table(
      ['target', 'measured', 'verdict'],
      verdicts.map(([name, value, ok]) => [name, value, ok ? 'PASS' : 'FAIL']),
    ),
  );
  console.log('\nAhead of the baseline, figure by figure (same storm, same page):');
  console.log(ahead.map(([name, ok]) => `  ${ok ? 'PASS' : 'FAIL'}  ${name}`).join('\n'));
  if (profiled) {
    const pct = (x) => `${fmt(x * 100, 0)}%`;
    const rowsOf = (entries) => entries.map((entry) => [entry.name, fmt(entry.ms, 1), pct(entry.share)]);
    console.log(
      `\nOur first run, CPU profile (100 µs sampling; ${fmt(profiled.busyMs, 0)} ms busy; the profiler slows it down):`,
    );
    console.log(table(['self time', 'ms', 'of busy'], rowsOf(profiled.self)));
    console.log(
      table(
        ['\ninclusive time, src/ functions (synchronous stacks only)', 'ms', 'of busy'],
        rowsOf(profiled.inclusive),
      ),
    );
  }
  if (args.trace)
    console.log(`\nTrace of our first run: ${args.trace} (DevTools › Performance › Load profile).`);
  console.log(`\nBench took ${fmt(seconds, 1)} s.`);
  if (args.strict && verdicts.some(([, , ok]) => !ok)) process.exitCode = 1;
  return { ours: o, baseline: b, paced: s, verdicts, ahead };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
