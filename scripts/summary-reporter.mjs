// Ends the browser test run with one plain line, "N passed, N failed", counted over every
// test in every browser. A test file that fails to load counts as one failure.
function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const own = { passed: 0, failed: 0, skipped: 0 };
        if (session.testResults) count(session.testResults, own);
        // A file that failed to load, or failed outside any test, has no failed test to count.
        if (!session.passed && own.failed === 0) own.failed = 1;
        for (const key of Object.keys(totals)) totals[key] += own[key];
      }
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      // Printed after the default reporter's own summary.
      setTimeout(() => console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`), 0);
    },
  };
}
