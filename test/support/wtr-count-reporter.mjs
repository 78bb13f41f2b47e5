import { writeFileSync } from 'node:fs';

// @web/test-runner's own summary is "Chrome: |bar| N/N test files | N passed, N failed", which is not a
// line of the form CI reads; this reporter counts the same results and hands them to scripts/test.js
// (through QP_WTR_COUNTS) or prints the line itself when the runner is used alone.
// Skipped tests are listed by name: a test that cannot run in one engine says why in its name.
// With QP_GREP (web-test-runner.config.mjs) mocha does not run the other tests at all: they are not
// counted, neither passed nor failed.
const grep = process.env.QP_GREP ? new RegExp(process.env.QP_GREP) : undefined;

function count(results, acc, path = []) {
  for (const test of results?.tests ?? []) {
    if (grep && !grep.test([...path, test.name].join(' '))) continue;
    if (test.skipped) acc.skippedNames.push([...path, test.name].join(' > '));
    else if (test.passed) acc.passed += 1;
    else acc.failed += 1;
  }
  for (const suite of results?.suites ?? []) count(suite, acc, [...path, suite.name]);
}

export function countReporter() {
  let hooked = false;
  let listed = false;
  return {
    stop({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, skippedNames: [] };
      for (const session of sessions) {
        count(session.testResults, acc);
        acc.skipped = acc.skippedNames.length;
        // A file that failed to load or threw outside a test has no test results but still failed.
        if (!session.passed && (session.errors?.length ?? 0) > 0) acc.failed += session.errors.length;
        if (!session.passed && !session.testResults) acc.failed += 1;
      }
      if (acc.skipped > 0 && !listed) {
        listed = true;
        console.log(`\nSkipped in ${sessions[0]?.browser.name ?? 'this browser'}:`);
        for (const name of acc.skippedNames) console.log(`  - ${name}`);
      }
      const out = process.env.QP_WTR_COUNTS;
      if (out)
        writeFileSync(out, JSON.stringify({ passed: acc.passed, failed: acc.failed, skipped: acc.skipped }));
      // stop() can run twice after an error: register the exit hook once.
      if (!hooked && !out) {
        hooked = true;
        process.once('exit', () =>
          console.log(`${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped`),
        );
      }
    },
  };
}
