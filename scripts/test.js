// `npm test`: the server tests (node --test) and the browser tests (@web/test-runner in Chromium),
// ending with one line `N passed, N failed` that sums both suites.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChrome } from '../test/support/find-chrome.mjs';
import { build, ensureDependencies } from './prepare.js';

function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
    return undefined;
  }
  // On a fresh Debian machine as root, install Debian's chromium, unless told not to.
  const mayInstall =
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    process.env.QP_NO_APT !== '1' &&
    spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (mayInstall) {
    console.log("No Chromium found: installing Debian's chromium with apt-get (set QP_NO_APT=1 to forbid)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    const installed = findChrome();
    if (installed) return installed;
  }
  console.error(
    'No Chromium or Chrome found for the browser tests.\n' +
      'Point CHROME_PATH at one, e.g. `CHROME_PATH=/path/to/chrome npm test`' +
      (process.getuid?.() === 0
        ? ''
        : ', or run as root on Debian to let this script `apt-get install chromium`') +
      '.',
  );
  return undefined;
}

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

function runBrowserTests(chrome) {
  const dir = mkdtempSync(join(tmpdir(), 'qp-wtr-'));
  const file = join(dir, 'counts.json');
  const result = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], {
    stdio: 'inherit',
    env: { ...process.env, CHROME_PATH: chrome, QP_WTR_COUNTS: file },
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

ensureDependencies();
build();
const suites = { server: runNodeTests(['demo/server/test/']) };
const chrome = ensureChrome();
if (chrome) {
  suites.browser = runBrowserTests(chrome);
  // The demo as a person uses it, driven by puppeteer in the same Chromium.
  suites.demo = runNodeTests(['test/e2e/'], { ...process.env, CHROME_PATH: chrome });
} else {
  suites.browser = { passed: 0, failed: 1 };
}
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
