// `npm test`: the node tests (node --test: the demo server, the scripts, the reviewer against dist/),
// the browser tests (@web/test-runner in Chromium, the delivery tests again in Chromium with the
// page's CPU slowed six times, then everything in Firefox), the demo end to end, and a short
// delivery soak, ending with one line `N passed, N failed` that sums every suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBrowser } from './ensure-browser.js';
import { build, ensureDependencies } from './prepare.js';

/** Runs `node --test` over `paths`; counts come from a TAP copy of its report. */
function runNodeTests(paths, env = process.env) {
  const dir = mkdtempSync(join(tmpdir(), 'qp-node-'));
  const tap = join(dir, 'tap.txt');
  const result = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...paths,
    ],
    { stdio: 'inherit', env },
  );
  const counts = { passed: 0, failed: 1 };
  try {
    const text = readFileSync(tap, 'utf8');
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    counts.passed = count('pass');
    counts.failed = count('fail') + count('cancelled');
  } catch {
    // No report at all: the run itself failed.
  }
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  rmSync(dir, { recursive: true, force: true });
  return counts;
}

function runBrowserTests(env, files = []) {
  const dir = mkdtempSync(join(tmpdir(), 'qp-wtr-'));
  const file = join(dir, 'counts.json');
  const only = files.length > 0 ? ['--files', ...files] : [];
  const result = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...only], {
    stdio: 'inherit',
    env: { ...process.env, ...env, QP_WTR_COUNTS: file },
  });
  const counts = { passed: 0, failed: 1 };
  try {
    Object.assign(counts, JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // The runner died before its reporter wrote the counts.
  }
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  rmSync(dir, { recursive: true, force: true });
  return counts;
}

/** The delivery soak, for `seconds`: one test that fails on any lost event or inexact copy. */
function runSoak(chrome, seconds, cpuRate) {
  const result = spawnSync(
    process.execPath,
    ['bench/soak.js', '--seconds', String(seconds), '--cpu', String(cpuRate)],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
  );
  return result.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

// Slow machines are the norm: the delivery tests (faults, backoff, two tabs, a tab's last moments)
// also run with the page's CPU slowed six times, where an IndexedDB commit, a timer, a lock grant,
// a channel message and a network answer come in every order.
const SLOW_FILES = ['test/delivery/**/*.test.ts'];

ensureDependencies();
build();
const suites = { node: runNodeTests(['demo/server/test/', 'scripts/test/', 'test/review/', 'test/cli/']) };
const chrome = ensureBrowser('chromium');
if (chrome) {
  suites['browser (chromium)'] = runBrowserTests({ QP_ENGINE: 'chromium', CHROME_PATH: chrome });
  suites['browser (chromium, CPU ×6)'] = runBrowserTests(
    { QP_ENGINE: 'chromium', CHROME_PATH: chrome, QP_CPU_THROTTLE: '6' },
    SLOW_FILES,
  );
  // The demo as a person uses it, driven by puppeteer in the same Chromium.
  suites.demo = runNodeTests(['test/e2e/'], { ...process.env, CHROME_PATH: chrome });
  // Random faults, offline stretches, reloads and closed tabs while events flow, counted at the server.
  suites.soak = runSoak(chrome, 30, 4);
} else {
  suites['browser (chromium)'] = { passed: 0, failed: 1 };
}
// The same browser suite in a second engine, after the first (the machine's cores go to one browser).
const firefox = ensureBrowser('firefox');
suites['browser (firefox)'] = firefox
  ? runBrowserTests({ QP_ENGINE: 'firefox', FIREFOX_PATH: firefox })
  : { passed: 0, failed: 1 };
const total = Object.values(suites).reduce(
  (sum, counts) => ({ passed: sum.passed + counts.passed, failed: sum.failed + counts.failed }),
  { passed: 0, failed: 0 },
);
console.log(
  `\n${Object.entries(suites)
    .map(([name, counts]) => `${name}: ${counts.passed} passed, ${counts.failed} failed`)
    .join('; ')}`,
);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed === 0 ? 0 : 1;
