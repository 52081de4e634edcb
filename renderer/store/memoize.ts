/**
 * A selector that recomputes only when its inputs change (by identity).
 * zustand compares selector results with Object.is, so a selector that
 * builds a new object must hand back the same one for the same inputs.
 */
export function memoizeLast<S, A, R>(input: (state: S) => A, compute: (a: A) => R): (state: S) => R;
export function memoizeLast<S, A, B, R>(
  inputA: (state: S) => A,
  inputB: (state: S) => B,
  compute: (a: A, b: B) => R,
): (state: S) => R;
export function memoizeLast<S, A, B, C, R>(
  inputA: (state: S) => A,
  inputB: (state: S) => B,
  inputC: (state: S) => C,
  compute: (a: A, b: B, c: C) => R,
): (state: S) => R;
export function memoizeLast<S>(
  ...fns: [...((state: S) => unknown)[], (...args: never[]) => unknown]
): (state: S) => unknown {
  const compute = fns[fns.length - 1] as (...args: unknown[]) => unknown;
  const inputs = fns.slice(0, -1) as ((state: S) => unknown)[];
  let lastArgs: unknown[] | null = null;
  let lastResult: unknown;
  return (state) => {
    const args = inputs.map((input) => input(state));
    if (lastArgs && args.every((arg, i) => Object.is(arg, lastArgs?.[i]))) return lastResult;
    lastArgs = args;
    lastResult = compute(...args);
    return lastResult;
  };
}
