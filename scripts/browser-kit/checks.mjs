/**
 * A check list for a script that is its own test suite: every check prints one line, ok or FAIL,
 * and `finish()` ends the run with one plain line, "<name>: N passed, N failed", exiting 1 on any
 * failure (or when no check ran at all). With `watchdogMs`, a run that hangs fails after that long
 * instead of blocking the test command.
 */
export function createChecks(name, { watchdogMs } = {}) {
  const started = performance.now();
  const results = [];

  /** Records a check and returns whether it passed; `detail` says what was seen. */
  function check(label, ok, detail = '') {
    const passed = Boolean(ok);
    results.push(passed);
    console.log(`  ${passed ? 'ok  ' : 'FAIL'} ${label}${detail ? `: ${detail}` : ''}`);
    return passed;
  }

  function finish() {
    if (results.length === 0) check('ran at least one check', false);
    const passed = results.filter(Boolean).length;
    const failed = results.length - passed;
    console.log(`\n${name} ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${name}: ${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  }

  if (watchdogMs) {
    setTimeout(() => {
      check(`finished within ${watchdogMs / 1000} s`, false, 'abandoned');
      finish();
    }, watchdogMs).unref();
  }
  return { check, finish };
}
