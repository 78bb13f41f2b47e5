import { writeFileSync } from 'node:fs';

// @web/test-runner's own summary is "Chrome: |bar| N/N test files | N passed, N failed", which is not a
// line of the form CI reads; this reporter counts the same results and hands them to scripts/test.js
// (through QP_WTR_COUNTS) or prints the line itself when the runner is used alone.
function count(results, acc) {
  for (const test of results?.tests ?? []) {
    if (test.skipped) acc.skipped += 1;
    else if (test.passed) acc.passed += 1;
    else acc.failed += 1;
  }
  for (const suite of results?.suites ?? []) count(suite, acc);
}

export function countReporter() {
  let hooked = false;
  return {
    stop({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, acc);
        // A file that failed to load or threw outside a test has no test results but still failed.
        if (!session.passed && (session.errors?.length ?? 0) > 0) acc.failed += session.errors.length;
        if (!session.passed && !session.testResults) acc.failed += 1;
      }
      const out = process.env.QP_WTR_COUNTS;
      if (out) writeFileSync(out, JSON.stringify(acc));
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
