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
    console.log('No Chromium found: installing Debian\'s chromium with apt-get (set QP_NO_APT=1 to forbid)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    const installed = findChrome();
    if (installed) return installed;
  }
  console.error(
    'No Chromium or Chrome found for the browser tests.\n' +
      'Point CHROME_PATH at one, e.g. `CHROME_PATH=/path/to/chrome npm test`' +
      (process.getuid?.() === 0 ? '' : ', or run as root on Debian to let this script `apt-get install chromium`') +
      '.',
  );
  return undefined;
}

function runServerTests() {
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
      'demo/server/test/',
    ],
    { stdio: 'inherit' },
  );
  let passed = 0;
  let failed = 0;
  try {
    const text = readFileSync(tap, 'utf8');
    passed = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
    failed = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0);
  } catch {
    failed = 1;
  }
  if (result.status !== 0 && failed === 0) failed = 1;
  rmSync(dir, { recursive: true, force: true });
  return { passed, failed };
}

function runBrowserTests(chrome) {
  const dir = mkdtempSync(join(tmpdir(), 'qp-wtr-'));
  const counts = join(dir, 'counts.json');
  const result = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], {
    stdio: 'inherit',
    env: { ...process.env, CHROME_PATH: chrome, QP_WTR_COUNTS: counts },
  });
  let passed = 0;
  let failed = 0;
  try {
    ({ passed, failed } = JSON.parse(readFileSync(counts, 'utf8')));
  } catch {
    failed = 1;
  }
  if (result.status !== 0 && failed === 0) failed = 1;
  rmSync(dir, { recursive: true, force: true });
  return { passed, failed };
}

ensureDependencies();
build();
const server = runServerTests();
const chrome = ensureChrome();
const browser = chrome ? runBrowserTests(chrome) : { passed: 0, failed: 1 };
const passed = server.passed + browser.passed;
const failed = server.failed + browser.failed;
console.log(`\nserver: ${server.passed} passed, ${server.failed} failed; browser: ${browser.passed} passed, ${browser.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
