/**
 * Mutations of well-typed variant trees: one to three changes, each at a
 * random place, each recorded with the path of the place it broke (keys and
 * indices of the rendered value; variants are transparent) and whether the
 * parser is bound to refuse the result.
 */
import fc from 'fast-check';
import {
  hostileBigInt,
  hostileNumber,
  hostileString,
  hostileValue,
  leaf,
  SIGNATURES,
  SPECIAL_KEYS,
  variant,
} from './variant-arbitraries.ts';
import type { Entry, Segment, TNode } from './variant-arbitraries.ts';

export interface Mutation {
  readonly op: string;
  /** Where it changed the tree, as the rendered value's keys and indices. */
  readonly path: readonly Segment[];
  /** The change leaves a tree the parser must refuse (a required key gone, a wrong type on a key it reads). */
  readonly mustFail: boolean;
}

export interface Malformed {
  readonly tree: TNode;
  readonly mutations: readonly Mutation[];
}

/** A step inside a TNode: a dict key, a list index, or into a variant's content. */
type Step = Segment | { readonly inner: true };

interface Place {
  readonly steps: readonly Step[];
  readonly node: TNode;
  /** Set when `node` is the value of a dictionary entry. */
  readonly entry?: { readonly entry: Entry; readonly strict: boolean };
}

function places(node: TNode, steps: readonly Step[] = [], entry?: Place['entry']): Place[] {
  const here: Place = entry ? { steps, node, entry } : { steps, node };
  switch (node.kind) {
    case 'leaf':
      return [here];
    case 'list':
      return [here, ...node.items.flatMap((item, i) => places(item, [...steps, i]))];
    case 'variant':
      return [here, ...places(node.inner, [...steps, { inner: true }])];
    case 'dict':
      return [
        here,
        ...node.entries.flatMap((e) =>
          places(e.node, [...steps, e.key], { entry: e, strict: node.strict }),
        ),
      ];
  }
}

/** The rendered path of a place: keys and indices, variants skipped. */
const pathOf = (steps: readonly Step[]): Segment[] =>
  steps.filter((s): s is Segment => typeof s !== 'object');

/** Replaces what `steps` points at; `undefined` from `change` removes a dict entry. */
function updateAt(
  node: TNode,
  steps: readonly Step[],
  change: (old: TNode) => TNode | undefined,
): TNode | undefined {
  const [step, ...rest] = steps;
  if (step === undefined) return change(node);
  if (typeof step === 'object') {
    if (node.kind !== 'variant') throw new Error('path does not fit the tree');
    const inner = updateAt(node.inner, rest, change);
    return inner === undefined ? node : { ...node, inner };
  }
  if (node.kind === 'list' && typeof step === 'number') {
    const items = [...node.items];
    const old = items[step];
    if (old === undefined) throw new Error('path does not fit the tree');
    const next = updateAt(old, rest, change);
    if (next === undefined) items.splice(step, 1);
    else items[step] = next;
    return { ...node, items };
  }
  if (node.kind === 'dict' && typeof step === 'string') {
    const entries: Entry[] = [];
    for (const e of node.entries) {
      if (e.key !== step) entries.push(e);
      else {
        const next = updateAt(e.node, rest, change);
        if (next !== undefined) entries.push({ ...e, node: next });
      }
    }
    return { ...node, entries };
  }
  throw new Error('path does not fit the tree');
}

/** The random choices of one mutation, drawn before the tree is known. */
interface Dice {
  readonly place: number;
  readonly op: number;
  readonly value: unknown;
  /** Same type, hostile content: for a string, a number, a BigInt. */
  readonly string: string;
  readonly number: number;
  readonly bigint: bigint;
  readonly signature: string;
  readonly key: string;
  readonly own: boolean;
}

const dice: fc.Arbitrary<Dice> = fc.record({
  place: fc.nat(),
  op: fc.nat(),
  value: hostileValue,
  string: hostileString,
  number: hostileNumber,
  bigint: hostileBigInt,
  signature: fc.constantFrom(...SIGNATURES),
  key: fc.oneof(fc.constantFrom(...SPECIAL_KEYS), fc.string({ maxLength: 6 })),
  own: fc.boolean(),
});

type Op = (d: Dice) => { node: TNode | undefined; mustFail: boolean; path?: Segment[] };

/** What VarDict takes for a Variant: anything with a string `signature` and a `value`, inherited too. */
const variantLike = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  'signature' in v &&
  typeof v.signature === 'string' &&
  'value' in v;

/** What can be done at `place`, by the kind of node and where it sits. */
function opsAt(place: Place): Record<string, Op> {
  const { node, entry } = place;
  const ops: Record<string, Op> = {
    // A value of any other type (or a hostile value of the same type).
    hostile: (d) => ({ node: leaf(d.value), mustFail: false }),
  };
  if (entry) {
    ops['delete-key'] = () => ({ node: undefined, mustFail: entry.entry.required });
    ops['not-a-variant'] = (d) => ({
      node: leaf(d.value),
      // VarDict refuses any entry that is not a Variant; Sysroot only the properties it reads.
      // (The hostile value may itself be a Variant, of any signature.)
      mustFail: !variantLike(d.value) && (entry.strict || entry.entry.checked),
    });
  }
  if (node.kind === 'leaf') {
    // The right type with content the daemon would never send: '__proto__', 1 MiB, NaN, 2^64…
    const v = node.value;
    if (typeof v === 'string')
      ops['odd-string'] = (d) => ({ node: leaf(d.string), mustFail: false });
    if (typeof v === 'number')
      ops['odd-number'] = (d) => ({ node: leaf(d.number), mustFail: false });
    if (typeof v === 'bigint')
      ops['odd-bigint'] = (d) => ({ node: leaf(d.bigint), mustFail: false });
  }
  if (node.kind === 'variant') {
    ops['wrong-signature'] = (d) => {
      const signature = d.signature === node.signature ? `${d.signature}x` : d.signature;
      return { node: { ...node, signature }, mustFail: entry?.entry.checked ?? false };
    };
    ops['unwrapped'] = () => ({ node: node.inner, mustFail: false });
    ops['wrapped-twice'] = () => ({ node: variant('v', node), mustFail: false });
  }
  if (node.kind === 'list') {
    if (node.items.length > 0)
      ops['drop-item'] = (d) => ({
        node: { ...node, items: node.items.filter((_, i) => i !== d.place % node.items.length) },
        mustFail: false,
      });
    ops['extra-item'] = (d) => ({
      node: { ...node, items: [...node.items, leaf(d.value)] },
      mustFail: false,
    });
    ops['dict-for-array'] = () => ({
      node: { kind: 'dict', strict: false, entries: node.items.map((n, i) => entry0(`${i}`, n)) },
      mustFail: false,
    });
  }
  if (node.kind === 'dict') {
    // A key added to an empty dict makes it a dict that must have its required keys
    // (`{}` is "no cached update"), so the change is to the dict as a whole.
    const keyPath = (key: string) =>
      node.entries.length === 0 ? pathOf(place.steps) : [...pathOf(place.steps), key];
    ops['special-key'] = (d) => ({
      node: {
        ...node,
        entries: [
          ...node.entries.filter((e) => e.key !== d.key),
          { ...entry0(d.key, leaf(d.value)), own: d.own },
        ],
      },
      mustFail: false,
      path: keyPath(d.key),
    });
    ops['special-key-variant'] = (d) => ({
      node: {
        ...node,
        entries: [
          ...node.entries.filter((e) => e.key !== d.key),
          { ...entry0(d.key, variant(d.signature, leaf(d.value))), own: d.own },
        ],
      },
      mustFail: false,
      path: keyPath(d.key),
    });
    ops['array-for-dict'] = () => ({
      node: { kind: 'list', items: node.entries.map((e) => e.node) },
      mustFail: false,
    });
  }
  return ops;
}

const entry0 = (key: string, node: TNode): Entry => ({
  key,
  node,
  required: false,
  checked: false,
});

const isPrefix = (p: readonly Segment[], q: readonly Segment[]) =>
  p.length <= q.length && p.every((s, i) => String(s) === String(q[i]));

/**
 * True when an error at `key` can be blamed on a change at `changed`: one
 * lies on the other's way, or `key` sits beside `changed` in the same
 * container below the root (a struct's type field decides which of its
 * sibling keys is required, e.g. an rpm-diff entry's kind).
 */
export function near(key: readonly Segment[], changed: readonly Segment[]): boolean {
  return (
    isPrefix(key, changed) ||
    isPrefix(changed, key) ||
    (changed.length >= 2 && isPrefix(changed.slice(0, -1), key))
  );
}

function applyOne(
  tree: TNode,
  d: Dice,
  rootOps: readonly string[] | undefined,
): { tree: TNode; mutation: Mutation } {
  const all = places(tree);
  const place = all[d.place % all.length]!;
  const ops = Object.entries(opsAt(place)).filter(
    ([op]) => place.steps.length > 0 || rootOps === undefined || rootOps.includes(op),
  );
  if (ops.length === 0) return { tree, mutation: { op: 'none', path: [], mustFail: false } };
  const [op, run] = ops[d.op % ops.length]!;
  const result = run(d);
  const next =
    place.steps.length === 0
      ? (result.node ?? leaf(undefined))
      : updateAt(tree, place.steps, () => result.node);
  if (next === undefined) throw new Error('the root cannot be removed');
  return {
    tree: next,
    mutation: { op, path: result.path ?? pathOf(place.steps), mustFail: result.mustFail },
  };
}

/**
 * 1–3 mutations of a tree from `valid`. A later mutation near an earlier
 * one (same path, on its way, or a sibling) may undo it, so only the
 * `mustFail` of mutations nothing else touched stands. `rootOps` limits
 * what may happen to the root, for parsers whose caller guarantees its type
 * (a signal body is always an array).
 */
export function malformed(
  valid: fc.Arbitrary<TNode>,
  rootOps?: readonly string[],
): fc.Arbitrary<Malformed> {
  return fc.tuple(valid, fc.array(dice, { minLength: 1, maxLength: 3 })).map(([tree, rolls]) => {
    let current = tree;
    const done: Mutation[] = [];
    for (const d of rolls) {
      const { tree: next, mutation } = applyOne(current, d, rootOps);
      current = next;
      done.push(mutation);
    }
    const mutations = done.map((m, i) => ({
      ...m,
      mustFail:
        m.mustFail &&
        !done.some((o, j) => j !== i && (near(o.path, m.path) || near(m.path, o.path))),
    }));
    return { tree: current, mutations };
  });
}
