import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';

// A story that logs an error fails, as an exception would. Lit's dev-mode notice is a warning.
let consoleError: MockInstance<typeof console.error> | undefined;

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});

afterEach(() => {
  const calls = consoleError?.mock.calls ?? [];
  consoleError?.mockRestore();
  expect(calls, 'console.error was called while the story ran').toEqual([]);
});
