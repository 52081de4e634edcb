import { ParseError } from '../../daemon-bridge/rpm-ostree/vardict.ts';

/** The ParseError `fn` throws (key and reason); fails the test if it throws anything else or nothing. */
export function parseErrorOf(fn: () => unknown): { key: string; reason: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof ParseError) return { key: err.key, reason: err.reason };
    throw err;
  }
  throw new Error('expected a ParseError');
}

/** The key named by the ParseError `fn` throws. */
export const parseErrorKey = (fn: () => unknown): string => parseErrorOf(fn).key;
