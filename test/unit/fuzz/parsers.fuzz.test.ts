/**
 * Issue #6: every parser of daemon replies, fed generated malformed variant
 * trees (well-typed trees of its real schema, then one to three mutations),
 * either returns a value that keeps the domain type's invariants or throws a
 * ParseError whose key names the place in the input where the tree was
 * broken. No other exception, no hang. FUZZ_RUNS sets the runs per parser,
 * FUZZ_SEED replays a run.
 */
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { ParseError } from '../../../daemon-bridge/rpm-ostree/vardict.ts';
import { pathsOfKey } from '../../support/error-paths.ts';
import { near } from '../../support/variant-mutations.ts';
import { FUZZ_TARGETS } from './fuzz-targets.ts';
import type { Case, Target } from './fuzz-targets.ts';
import { recordReliability } from '../../support/reliability/ledger.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Far beyond what any parser needs for a reply; a loop or backtracking blow-up shows here. */
const SLOW_MS = 2_000;
const totals = { trees: 0, refused: 0, accepted: 0, escaped: 0 };

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err);
}

/** Runs one case; throws (failing the property) on anything the issue forbids. */
function runCase(target: Target, c: Case): void {
  let result: unknown;
  let failure: unknown;
  let threw = false;
  const started = performance.now();
  try {
    result = target.parse(c.input);
  } catch (err) {
    threw = true;
    failure = err;
  }
  const took = performance.now() - started;
  const broken = c.mutations.length > 0;
  if (broken) totals.trees++;
  const ops = c.mutations.map((m) => `${m.op} at [${m.path.join(', ')}]`).join('; ');
  if (took > SLOW_MS) throw new Error(`${target.parser} took ${Math.round(took)} ms (${ops})`);
  if (!threw) {
    if (c.mutations.some((m) => m.mustFail))
      throw new Error(`${target.parser} accepted a tree it must refuse (${ops})`);
    if (broken) totals.accepted++;
    target.check(result, c.input);
    return;
  }
  if (!(failure instanceof ParseError)) {
    totals.escaped++;
    throw new Error(`${target.parser} let an exception escape (${ops}): ${describeError(failure)}`);
  }
  if (broken) totals.refused++;
  const { key } = failure;
  if (key === '') throw new Error(`${target.parser}: ParseError with an empty key`);
  const paths = pathsOfKey('named' in c ? c.named : c.input, c.root, key);
  if (paths.length === 0)
    throw new Error(
      `${target.parser}: ParseError key '${key}' names nothing in the input (${ops})`,
    );
  if (!broken) throw new Error(`${target.parser} refused a well-typed tree: ${failure.message}`);
  if (!paths.some((p) => c.mutations.some((m) => near(p, m.path))))
    throw new Error(
      `${target.parser}: ParseError key '${key}' is not where the tree was broken (${ops})`,
    );
}

describe('parsers under fuzzing (issue #6)', () => {
  afterAll(() => {
    const n = (x: number) => x.toLocaleString('en-US');
    const parsers = new Set(FUZZ_TARGETS.map((t) => t.parser.split(' ')[0])).size;
    recordReliability({
      family: 'fuzz',
      case: 'malformed variant trees through the parsers',
      inputs: totals.trees,
      lost: 0,
    });
    console.log(
      `fuzz: ${n(totals.trees)} malformed variant trees through ${parsers} parsers, ` +
        `${n(totals.escaped)} escaped exceptions ` +
        `(${n(totals.refused)} ParseErrors naming the broken key, ${n(totals.accepted)} accepted with valid results; seed ${SEED})`,
    );
  });

  FUZZ_TARGETS.forEach((target, i) => {
    it(`${target.parser}: well-typed trees of the real schema parse`, () => {
      fc.assert(
        fc.property(target.valid, (c) => runCase(target, c)),
        { numRuns: 100, seed: SEED + i },
      );
    });

    it(`${target.parser}: ${RUNS} malformed trees give a valid result or a ParseError naming the key`, () => {
      fc.assert(
        fc.property(target.broken, (c) => runCase(target, c)),
        { numRuns: RUNS, seed: SEED + 1_000 + i },
      );
    }, 60_000);
  });
});
