/**
 * `next` with every part that is deep-equal to the same part of `prev`
 * replaced by `prev`'s object (structural sharing, as TanStack Query does for
 * its results). Each snapshot arrives whole and freshly decoded, so without
 * this every object in it is new; with it, what did not change keeps its
 * identity, and the store's selectors (memoized by identity) and React skip
 * the parts of the screen a progress update does not touch. For plain data:
 * objects, arrays and primitives, as JSON and structured clone deliver.
 */
export function shareUnchanged<T>(prev: unknown, next: T): T {
  return share(prev, next) as T;
}

function share(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(next)) return Array.isArray(prev) ? shareArray(prev, next) : next;
  if (isPlainObject(next) && isPlainObject(prev)) return shareObject(prev, next);
  return next;
}

/** A new array is made only once an item differs: most snapshots change little. */
function shareArray(prev: readonly unknown[], next: readonly unknown[]): unknown {
  let out: unknown[] | null = prev.length === next.length ? null : [];
  for (let i = 0; i < next.length; i++) {
    const shared = share(prev[i], next[i]);
    if (out === null && shared !== prev[i]) out = prev.slice(0, i);
    out?.push(shared);
  }
  return out ?? prev;
}

function shareObject(prev: Record<string, unknown>, next: Record<string, unknown>): unknown {
  const keys = Object.keys(next);
  let out: Record<string, unknown> | null = keys.length === Object.keys(prev).length ? null : {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const before = Object.hasOwn(prev, key) ? prev[key] : undefined;
    const shared = share(before, next[key]);
    if (out === null && (shared !== before || !Object.hasOwn(prev, key))) {
      out = {};
      for (const done of keys.slice(0, i)) out[done] = prev[done];
    }
    if (out !== null) out[key] = shared;
  }
  return out ?? prev;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
