// Assertions for the web worker extension host, where node:assert does not exist. Failures carry
// actual and expected, so that mocha prints a diff.

class AssertionError extends Error {
  readonly showDiff = true;

  constructor(
    message: string,
    readonly actual: unknown,
    readonly expected: unknown,
  ) {
    super(message);
    this.name = 'AssertionError';
  }
}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(message, value, true);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected)
    throw new AssertionError(`${what}: expected ${String(expected)}, got ${String(actual)}`, actual, expected);
}

/** Equality of plain data (objects, arrays, strings, numbers), compared as JSON. */
export function deepEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new AssertionError(`${what} differ`, actual, expected);
}
