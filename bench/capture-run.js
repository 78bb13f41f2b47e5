// The capture benchmark: main-thread cost per DOM event handled by createCapture(), on a quiz page in
// Canvas's markup with 20, 200 and 2,000 questions, in headless Chromium on the Canvas-compatible
// server's origin (cross-origin isolated, so performance.now() steps by 5 µs). Prints a table and
// the targets' verdicts.
//
//   node bench/capture-run.js [--bursts 100] [--rounds 2] [--sizes 20,200,2000] [--profile] [--json FILE] [--strict]
//   (bench/README.md, "Capture benchmark")
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChrome } from '../test/support/find-chrome.mjs';
import {
  fmt,
  locatorFor,
  quantile,
  sorted,
  sum,
  startBenchServer,
  summarizeProfile,
  table,
} from './bench-kit.js';

const here = dirname(fileURLToPath(import.meta.url));
const loadAtStart = loadavg()[0];

const usage = `node bench/capture-run.js [options]
  --bursts B     bursts of 20 DOM events per run, one burst per animation frame (default 100)
  --rounds R     rounds per page size; each round runs the storm with capture off and on,
                 odd rounds off first, even rounds on first (default 2)
  --sizes LIST   question counts (default 20,200,2000)
  --profile      CPU profile of capture's run on the largest page: where its time goes
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
      bursts: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '2' },
      sizes: { type: 'string', default: '20,200,2000' },
      profile: { type: 'boolean', default: false },
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
const BURSTS = Number(args.bursts);
const ROUNDS = Number(args.rounds);
const SIZES = args.sizes.split(',').map(Number);
if (!Number.isInteger(BURSTS) || BURSTS < 1) usageError('--bursts must be an integer ≥ 1');
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) usageError('--rounds must be an integer ≥ 1');
if (SIZES.some((n) => !Number.isInteger(n) || n < 1)) usageError('--sizes must list integers ≥ 1');

const TARGET_P99_US = 20;
const TARGET_SIZE = 200;
// "Flat": the largest page may cost at most this much more than the smallest.
const FLAT = { p99StepUs: 5, medianFactor: 1.5, medianSlackUs: 0.5, taskFactor: 1.5, taskSlackUs: 2 };

// ---------------------------------------------------------------------------------------------
// Statistics and formatting (as bench/run.js)

// ---------------------------------------------------------------------------------------------
// Server: the Canvas emulator behind a front handler serving the bench page on the same origin,
// with COOP/COEP for cross-origin isolation (as bench/run.js).

const startServer = (bundleDir) =>
  startBenchServer({
    bundleDir,
    bundleName: 'capture-bench.js',
    title: 'quiz-proctor capture bench',
    head: '<style>body{margin:0;font:14px sans-serif}</style>',
  });

// ---------------------------------------------------------------------------------------------
// CPU profile summary (--profile), mapped back to the TypeScript sources (as bench/run.js).

// ---------------------------------------------------------------------------------------------

async function main() {
  const executablePath = findChrome();
  if (!executablePath) throw new Error("No Chromium found: set CHROME_PATH or install Debian's chromium.");
  const t0 = performance.now();
  const bundleDir = await mkdtemp(join(tmpdir(), 'quiz-proctor-capture-bench-'));
  const cleanups = [() => rm(bundleDir, { recursive: true, force: true })];
  try {
    await build({
      entryPoints: [join(here, 'capture-bench.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: ['es2015'],
      sourcemap: true,
      outfile: join(bundleDir, 'capture-bench.js'),
      logLevel: 'error',
    });
    const server = await startServer(bundleDir);
    cleanups.push(server.close);
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      protocolTimeout: 120_000,
      defaultViewport: { width: 1280, height: 800 },
    });
    cleanups.push(async () => {
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
    });
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location()?.url?.endsWith('/favicon.ico'))
        pageErrors.push(`${message.text()} ${message.location()?.url ?? ''}`);
    });
    await page.goto(`${server.origin}/__bench/`);
    await page.waitForFunction(() => 'captureBench' in globalThis, { timeout: 10_000 });
    const cdp = await page.createCDPSession();
    const chromeVersion = await browser.version();
    const info = await page.evaluate(() => globalThis.captureBench.info());
    const taskSeconds = async () => (await page.metrics()).TaskDuration;
    const measured = async (fn) => {
      const before = await taskSeconds();
      const value = await fn();
      return { value, taskMs: ((await taskSeconds()) - before) * 1000 };
    };

    let profiled;
    const sizes = [];
    for (const n of SIZES) {
      const buildMs = await page.evaluate((count) => globalThis.captureBench.buildPage(count), n);
      await cdp.send('HeapProfiler.collectGarbage');
      const runs = [];
      const subscribes = [];
      const idles = [];
      const doRun = async (kind, round, options) => {
        let sub;
        if (kind === 'on' || kind === 'answers') {
          const idle = await measured(() => page.evaluate(() => globalThis.captureBench.idle()));
          idles.push(idle.taskMs);
          sub = await measured(() => page.evaluate((o) => globalThis.captureBench.subscribe(o), options));
          subscribes.push({
            kind,
            syncMs: sub.value.syncMs,
            taskMs: sub.taskMs,
            longTasks: sub.value.longTasks,
          });
        }
        const profileThis = args.profile && kind === 'on' && n === Math.max(...SIZES) && !profiled;
        if (profileThis) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
        }
        const seed = 7 + round; // the same storm for off and on within a round
        const result = await measured(() =>
          page.evaluate((b, s) => globalThis.captureBench.run(b, s), BURSTS, seed),
        );
        if (profileThis) {
          const { profile } = await cdp.send('Profiler.stop');
          const map = JSON.parse(await readFile(join(bundleDir, 'capture-bench.js.map'), 'utf8'));
          profiled = {
            n,
            ...summarizeProfile(profile, locatorFor(map), {
              bundleName: 'capture-bench.js',
              top: 14,
              skip: ['(idle)', '(program)'],
            }),
          };
        }
        const capturedTypes =
          kind === 'on' || kind === 'answers'
            ? await page.evaluate(() => globalThis.captureBench.unsubscribe())
            : undefined;
        runs.push({ kind, round, ...result.value, taskMs: result.taskMs, capturedTypes });
      };
      // Warm-up (not counted): the JIT compiles the storm driver, the page's handler and capture.
      await page.evaluate(async () => {
        await globalThis.captureBench.subscribe({});
        await globalThis.captureBench.run(10, 1);
        await globalThis.captureBench.unsubscribe();
        await globalThis.captureBench.run(10, 1);
      });
      for (let round = 1; round <= ROUNDS; round += 1) {
        const order = round % 2 === 1 ? ['off', 'on'] : ['on', 'off'];
        for (const kind of order) await doRun(kind, round, {});
      }
      // The same storm as round 1's, capture off again: the noise floor of the paired figure.
      await doRun('off again', 1, {});
      // captureAnswers: true, once, against the same storm as round 1.
      await doRun('answers', 1, { captureAnswers: true });
      sizes.push({ n, buildMs, runs, subscribes, idleTaskMs: quantile(sorted(idles), 0.5) });
    }

    const summary = report({
      info,
      chromeVersion,
      sizes,
      profiled,
      pageErrors,
      seconds: (performance.now() - t0) / 1000,
    });
    if (args.json) {
      await writeFile(
        args.json,
        JSON.stringify({ info, chromeVersion, bursts: BURSTS, rounds: ROUNDS, ...summary }, null, 2),
      );
    }
  } finally {
    for (const step of cleanups.reverse())
      await step().catch((error) => console.error('cleanup:', error.message));
  }
}

function figuresOf(size, kind) {
  const on = size.runs.filter((run) => run.kind === kind);
  const off = size.runs.filter((run) => run.kind === 'off');
  const dispatches = (runs) => sum(runs.map((run) => run.callUs.length));
  const calls = (runs) => sorted(runs.flatMap((run) => run.callUs));
  const bursts = (runs) => sorted(runs.flatMap((run) => run.burstUs));
  const onCalls = calls(on);
  const offCalls = calls(off);
  const onBursts = bursts(on);
  const offBursts = bursts(off);
  const mean = (runs, key) => sum(runs.map((run) => sum(run[key]))) / dispatches(runs);
  const taskPerEvent = (runs) => (sum(runs.map((run) => run.taskMs)) * 1000) / dispatches(runs);
  const byKind = {};
  const kinds = [...new Set(on[0].kinds)];
  for (const k of kinds) {
    const pick = (runs) => sorted(runs.flatMap((run) => run.callUs.filter((_, i) => run.kinds[i] === k)));
    const a = pick(on);
    const b = pick(off);
    const avg = (list) => sum(list) / list.length;
    byKind[k] = {
      netMean: avg(a) - avg(b),
      onMedian: quantile(a, 0.5),
      onP99: quantile(a, 0.99),
      offP99: quantile(b, 0.99),
      netP99: quantile(a, 0.99) - quantile(b, 0.99),
      onMax: a[a.length - 1],
    };
  }
  // Paired: each dispatch with capture on minus the same dispatch (same storm index, same round's
  // storm) with capture off. The p99 of these differences is not masked by the page's own tail.
  const paired = [];
  for (const run of on) {
    const twin = off.find((o) => o.round === run.round);
    if (twin) for (let i = 0; i < run.callUs.length; i += 1) paired.push(run.callUs[i] - twin.callUs[i]);
  }
  const pairedSorted = sorted(paired);
  const again = size.runs.find((run) => run.kind === 'off again');
  const first = off.find((o) => o.round === again?.round);
  const noise = again && first ? sorted(again.callUs.map((us, i) => us - first.callUs[i])) : sorted([]);
  const worstKind = Object.entries(byKind).reduce(
    (w, [k, v]) => (v.netP99 > w[1] ? [k, v.netP99] : w),
    ['', -Infinity],
  );
  const subs = size.subscribes.filter((sub) => sub.kind === kind);
  const capturedTypes = {};
  for (const run of on)
    for (const [type, count] of Object.entries(run.capturedTypes ?? {}))
      capturedTypes[type] = (capturedTypes[type] ?? 0) + count;
  return {
    n: size.n,
    dispatches: dispatches(on),
    onMedian: quantile(onCalls, 0.5),
    onP99: quantile(onCalls, 0.99),
    onMax: onCalls[onCalls.length - 1],
    offMedian: quantile(offCalls, 0.5),
    offP99: quantile(offCalls, 0.99),
    netP99: quantile(onCalls, 0.99) - quantile(offCalls, 0.99),
    burstOnMedian: quantile(onBursts, 0.5),
    burstOffMedian: quantile(offBursts, 0.5),
    netMedian: quantile(onBursts, 0.5) - quantile(offBursts, 0.5),
    netBurstP99: quantile(onBursts, 0.99) - quantile(offBursts, 0.99),
    netTaskUs: taskPerEvent(on) - taskPerEvent(off),
    netMean: mean(on, 'callUs') - mean(off, 'callUs'),
    pairedMedian: quantile(pairedSorted, 0.5),
    pairedP99: quantile(pairedSorted, 0.99),
    noiseP99: quantile(noise, 0.99),
    worstKind,
    layoutOn: mean(on, 'layoutUs'),
    layoutOff: mean(off, 'layoutUs'),
    taskOn: taskPerEvent(on),
    taskOff: taskPerEvent(off),
    longTasks: on.flatMap((run) => run.longTasks),
    offLongTasks: off.flatMap((run) => run.longTasks),
    subscribeSyncMs: quantile(sorted(subs.map((sub) => sub.syncMs)), 0.5),
    subscribeTaskMs: quantile(sorted(subs.map((sub) => sub.taskMs - size.idleTaskMs)), 0.5),
    subscribeLongTasks: subs.flatMap((sub) => sub.longTasks),
    stormMs: quantile(sorted(on.map((run) => run.stormMs)), 0.5),
    capturedTypes,
    byKind,
    buildMs: size.buildMs,
  };
}

function report({ info, chromeVersion, sizes, profiled, pageErrors, seconds }) {
  const d = sizes.map((size) => figuresOf(size, 'on'));
  const a = sizes.map((size) => figuresOf(size, 'answers'));
  const step = info.timerStepUs;
  const cols = d.map((f) => `${fmt(f.n, 0)} q`);
  const row = (name, pick, digits = 1, list = d) => [name, ...list.map((f) => fmt(pick(f), digits))];
  const rows = [
    row('dispatch, capture on: median µs', (f) => f.onMedian),
    row('dispatch, capture on: p99 µs', (f) => f.onP99),
    row('dispatch, capture on: max µs', (f) => f.onMax),
    row('dispatch, capture off: median µs', (f) => f.offMedian),
    row('dispatch, capture off: p99 µs', (f) => f.offP99),
    row('NET per DOM event: p99 µs (on p99 − off p99)', (f) => f.netP99),
    row('NET per DOM event: p99 µs, paired (on − off, same dispatch) †', (f) => f.pairedP99),
    row('  noise floor of the paired p99 (off − off, same storm) µs', (f) => f.noiseP99),
    row(
      'NET per DOM event: worst kind p99 µs (see per kind)',
      (f) => `${fmt(f.worstKind[1])} ${f.worstKind[0]}`,
    ),
    row('NET per DOM event: mean µs', (f) => f.netMean, 2),
    row('NET per DOM event: median of burst means µs', (f) => f.netMedian, 2),
    row('NET per DOM event: p99 of burst means µs', (f) => f.netBurstP99, 2),
    row(
      'all main-thread work per DOM event µs *: on / off',
      (f) => `${fmt(f.taskOn, 0)} / ${fmt(f.taskOff, 0)}`,
    ),
    row('NET all main-thread work per DOM event µs *', (f) => f.netTaskUs, 2),
    row(
      'layout flush before each dispatch, mean µs: on / off',
      (f) => `${fmt(f.layoutOn, 0)} / ${fmt(f.layoutOff, 0)}`,
    ),
    row(
      'long tasks > 50 ms during storm (on / off)',
      (f) => `${f.longTasks.length} / ${f.offLongTasks.length}`,
    ),
    row('subscribe: synchronous ms', (f) => f.subscribeSyncMs, 2),
    row('subscribe: main-thread ms until settled **', (f) => f.subscribeTaskMs, 1),
    row('subscribe: long tasks > 50 ms', (f) =>
      f.subscribeLongTasks.length
        ? `${f.subscribeLongTasks.length} (${f.subscribeLongTasks.map((x) => fmt(x, 0)).join(', ')} ms)`
        : '0',
    ),
    row('storm duration ms (median run)', (f) => f.stormMs, 0),
    row('captureAnswers: NET p99 µs', (f) => f.netP99, 1, a),
    row('captureAnswers: NET p99 µs, paired †', (f) => f.pairedP99, 1, a),
    row('captureAnswers: NET mean µs', (f) => f.netMean, 2, a),
    row('captureAnswers: NET median of burst means µs', (f) => f.netMedian, 2, a),
    row('captureAnswers: NET all main-thread work µs *', (f) => f.netTaskUs, 2, a),
    row('captureAnswers: long tasks during storm', (f) => f.longTasks.length, 0, a),
    row('captureAnswers: subscribe synchronous ms', (f) => f.subscribeSyncMs, 2, a),
  ];
  const kinds = Object.keys(d[0].byKind);
  const kindRows = kinds.map((k) => [
    k,
    ...d.flatMap((f) => [fmt(f.byKind[k].netMean), fmt(f.byKind[k].netP99)]),
    ...a.map((f) => fmt(f.byKind[k].netP99)),
  ]);

  const at = d.find((f) => f.n === TARGET_SIZE) ?? d[Math.min(1, d.length - 1)];
  const first = d[0];
  const flatP99 = d.every((f) => f.pairedP99 <= first.pairedP99 + FLAT.p99StepUs);
  const aAt = a.find((f) => f.n === at.n);
  const flatMedian = d.every((f) => f.netMedian <= first.netMedian * FLAT.medianFactor + FLAT.medianSlackUs);
  const flatTask = d.every((f) => f.netTaskUs <= first.netTaskUs * FLAT.taskFactor + FLAT.taskSlackUs);
  const series = (pick, digits = 1) => d.map((f) => `${fmt(pick(f), digits)}`).join(' → ');
  const verdicts = [
    [
      `p99 ≤ ${TARGET_P99_US} µs per DOM event, ${fmt(at.n, 0)} questions (defaults; paired †)`,
      `${fmt(at.pairedP99)} µs paired (quantile difference ${fmt(at.netP99)} µs; worst kind ${at.worstKind[0]} ${fmt(at.worstKind[1])} µs)`,
      at.pairedP99 <= TARGET_P99_US,
    ],
    [
      `p99 ≤ ${TARGET_P99_US} µs per DOM event, ${fmt(at.n, 0)} q, captureAnswers (paired †)`,
      `${fmt(aAt.pairedP99)} µs paired (quantile difference ${fmt(aAt.netP99)} µs)`,
      aAt.pairedP99 <= TARGET_P99_US,
    ],
    [
      `flat p99, paired † (each ≤ ${fmt(first.n, 0)} q's + ${FLAT.p99StepUs} µs, one timer step)`,
      `${series((f) => f.pairedP99)} µs`,
      flatP99,
    ],
    [
      `flat median (each ≤ ${FLAT.medianFactor}× ${fmt(first.n, 0)} q's + ${FLAT.medianSlackUs} µs)`,
      `${series((f) => f.netMedian, 2)} µs`,
      flatMedian,
    ],
    [
      `flat all main-thread work (each ≤ ${FLAT.taskFactor}× + ${FLAT.taskSlackUs} µs)`,
      `${series((f) => f.netTaskUs, 2)} µs`,
      flatTask,
    ],
    [
      'no long task during the storm (defaults and captureAnswers)',
      `${sum(d.map((f) => f.longTasks.length)) + sum(a.map((f) => f.longTasks.length))}`,
      d.every((f) => f.longTasks.length === 0) && a.every((f) => f.longTasks.length === 0),
    ],
  ];

  const line = '='.repeat(110);
  console.log(line);
  console.log(
    `quiz-proctor capture bench — ${new Date().toISOString().slice(0, 10)}, ${chromeVersion}, Node ${process.version}, ${cpus().length} cores ` +
      `(load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end)`,
  );
  console.log(
    `Page: Canvas take-quiz markup (#questions .question#question_<id>, .flag_question, inputs named question_<id>; 3/4 multiple choice, 1/4 short answer), ` +
      `viewport ${info.viewport.width}×${info.viewport.height}, questions 160 px tall. createCapture({}, {target: window, scheduler: asyncScheduler, memory: Set}) with default options, and once with {captureAnswers: true}.`,
  );
  console.log(
    `Storm: ${BURSTS} bursts × 20 DOM events per run, one burst per animation frame; per burst 5 keydown (1 in 10 a shortcut), 3 input, 2 change, 2 flag click, ` +
      `2 real window.scrollTo, blur, focus, copy, paste, contextmenu, resize. All are synthetic dispatchEvent() except scrolling. ` +
      `${ROUNDS} round(s) per page size, capture off and on on the same storm (odd rounds off first), then captureAnswers once.`,
  );
  console.log(
    `performance.now() step: ${fmt(step, 1)} µs (crossOriginIsolated=${info.crossOriginIsolated}); per-dispatch figures are quantised to it, so means and the medians of burst means (each burst's 20 per-dispatch times averaged) resolve below it. Layout left dirty by a dispatch is flushed before the next, outside its timer.`,
  );
  console.log(line);
  console.log(table(['figure', ...cols], rows));
  console.log(
    `\nNET = capture on minus capture off, same page, same storm, same run. * Chromium TaskDuration over the storm (includes deferred work: flag reads one task later, throttles, debounces, IntersectionObserver callbacks after scrolls), on minus off, per DOM event. † p99 of (time with capture on − time of the same dispatch with capture off), per dispatch, so the page's own slow dispatches (scrolls) cannot mask capture's tail; the noise of both runs adds to it, so it errs high. ** TaskDuration from subscribe until 2 frames + 150 ms later, minus the same wait without capture.`,
  );
  console.log('\nPer DOM event kind, NET µs (capture on minus off): mean and p99:');
  console.log(
    table(
      [
        'kind',
        ...d.flatMap((f) => [`${fmt(f.n, 0)} q mean`, `${fmt(f.n, 0)} q p99`]),
        ...a.map((f) => `${fmt(f.n, 0)} q answers p99`),
      ],
      kindRows,
    ),
  );
  console.log('\nEvents captured (defaults, all rounds):');
  for (const f of d)
    console.log(
      `  ${fmt(f.n, 0)} q: ${Object.entries(f.capturedTypes)
        .map(([t, c]) => `${t} ${c}`)
        .join(', ')}`,
    );
  console.log('Events captured (captureAnswers):');
  for (const f of a)
    console.log(
      `  ${fmt(f.n, 0)} q: ${Object.entries(f.capturedTypes)
        .map(([t, c]) => `${t} ${c}`)
        .join(', ')}`,
    );
  for (const error of pageErrors) console.log(`page error: ${error}`);
  console.log('\nTargets:');
  console.log(
    table(
      ['target', 'measured', 'verdict'],
      verdicts.map(([n, m, ok]) => [n, m, ok ? 'PASS' : 'FAIL']),
    ),
  );
  if (profiled) {
    const pct = (x) => `${fmt(x * 100, 0)}%`;
    const rowsOf = (entries) => entries.map((e) => [e.name, fmt(e.ms, 1), pct(e.share)]);
    console.log(
      `\nCPU profile of capture's run on ${fmt(profiled.n, 0)} questions (100 µs sampling; ${fmt(profiled.busyMs, 0)} ms busy, storm driver and page included):`,
    );
    console.log(table(['self time', 'ms', 'of busy'], rowsOf(profiled.self)));
    console.log(
      table(
        ['\ninclusive, src/ functions (synchronous stacks)', 'ms', 'of busy'],
        rowsOf(profiled.inclusive),
      ),
    );
  }
  console.log(`\nBench took ${fmt(seconds, 1)} s.`);
  if (args.strict && verdicts.some(([, , ok]) => !ok)) process.exitCode = 1;
  return { defaults: d.map(({ byKind, ...rest }) => ({ ...rest, byKind })), answers: a, verdicts };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
