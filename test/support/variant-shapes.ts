/**
 * Well-typed variant trees for each parser, following the daemon's real
 * schema (shared/reference/rpm-ostree-dbus.md §7.2, §8.1–§8.6, §5.6) and
 * the fixtures: every required key, any optional key, keys the parsers
 * ignore (they come and go across daemon versions), and unknown keys.
 */
import fc from 'fast-check';
import {
  anyString,
  dict,
  dictOf,
  field,
  hex64,
  i32,
  i64,
  leaf,
  list,
  u32,
  u64,
  variant,
} from './variant-arbitraries.ts';
import type { Entry, TNode } from './variant-arbitraries.ts';

const s = anyString.map(leaf);
const b = fc.boolean().map(leaf);
const t = u64.map(leaf);
const i = i32.map(leaf);
const strings = (max = 4) => fc.array(anyString, { maxLength: max }).map((a) => list(a.map(leaf)));
const tupleOf = (...parts: fc.Arbitrary<TNode>[]) => fc.tuple(...parts).map(list);
const listOf = (item: fc.Arbitrary<TNode>, max = 3) => fc.array(item, { maxLength: max }).map(list);

/** `(sstsss)` = (nevra, name, epoch, version, release, arch). */
const packageTuple = tupleOf(s, s, t, s, s, s);

/** The ostree signature tuple (§8.2): 15 members today, 13 from older libostree. */
export const signatureTuple: fc.Arbitrary<TNode> = fc
  .tuple(
    fc.tuple(b, b, b, b, b, s, i64.map(leaf), i64.map(leaf), s, s, s, s, s),
    fc.option(fc.tuple(s, i64.map(leaf), i64.map(leaf)), { nil: undefined }),
  )
  .map(([first, rest]) => list([...first, ...(rest ?? [])]));
const signatures = listOf(
  signatureTuple.map((tuple) => variant('(bbbbbsxxsssssxx)', tuple)),
  2,
);

/** Compose metadata: arbitrary keys the parsers never read. */
const commitMeta = fc
  .dictionary(fc.string({ minLength: 1, maxLength: 8 }), anyString, { maxKeys: 3 })
  .filter((d) => !Object.hasOwn(d, '__proto__'))
  .map((d) =>
    dict(
      Object.entries(d).map(([key, v]): Entry => ({
        key,
        node: variant('s', leaf(v)),
        required: false,
        checked: false,
      })),
      false,
    ),
  );

const ignored = { checked: false } as const;
const required = { required: true } as const;

/** One deployment dictionary (§8.1). */
export const deploymentDict: fc.Arbitrary<TNode> = dictOf([
  field('id', 's', s, required),
  field('osname', 's', s, required),
  field('serial', 'i', i, required),
  field('checksum', 's', hex64.map(leaf), required),
  field('booted', 'b', b, required),
  field('version', 's', s),
  field('base-checksum', 's', hex64.map(leaf)),
  field('base-version', 's', s),
  field('timestamp', 't', t),
  field('container-image-reference', 's', s),
  // Read only for container origins / only without one.
  field('container-image-reference-digest', 's', s, ignored),
  field('origin', 's', fc.oneof(s, hex64.map(leaf)), ignored),
  field('staged', 'b', b),
  field('pinned', 'b', b),
  field('finalization-locked', 'b', b),
  field(
    'unlocked',
    's',
    fc.oneof(fc.constantFrom('none', 'hotfix', 'development', 'transient'), anyString).map(leaf),
  ),
  field('packages', 'as', strings()),
  field('requested-packages', 'as', strings()),
  field('requested-local-packages', 'as', strings()),
  field('requested-base-removals', 'as', strings()),
  field('requested-base-local-replacements', 'as', strings()),
  field('base-removals', 'av', listOf(packageTuple.map((p) => variant('(sstsss)', p)))),
  field(
    'base-local-replacements',
    'a(vv)',
    listOf(
      fc
        .tuple(packageTuple, packageTuple)
        .map(([a, c]) => list([variant('(sstsss)', a), variant('(sstsss)', c)])),
      2,
    ),
  ),
  field('gpg-enabled', 'b', b),
  field('signatures', 'av', signatures),
  field('endoflife', 's', s),
  field('live-inprogress', 's', s, ignored),
  field('regenerate-initramfs', 'b', b, ignored),
  field('initramfs-args', 'as', strings(), ignored),
  field('base-timestamp', 't', t, ignored),
  field('base-commit-meta', 'a{sv}', commitMeta, ignored),
  field('custom-origin', '(ss)', tupleOf(s, s), ignored),
  field('requested-base-remote-replacements', 'a(sas)', listOf(tupleOf(s, strings(2)), 2), ignored),
  field('modules', 'as', strings(), ignored),
]);

const idleOrBusy = fc.oneof(fc.constant(list([leaf(''), leaf(''), leaf('')])), tupleOf(s, s, s));

/** `Properties.GetAll(Sysroot)` (§4.1): the parser reads six properties. */
export const sysrootGetAll: fc.Arbitrary<TNode> = dictOf(
  [
    field('Path', 's', s, required),
    field('Booted', 'o', s, required),
    field('Deployments', 'aa{sv}', listOf(deploymentDict, 3), required),
    field(
      'AutomaticUpdatePolicy',
      's',
      fc.oneof(fc.constantFrom('none', 'check', 'stage', 'apply', 'Stage'), anyString).map(leaf),
      required,
    ),
    field('ActiveTransaction', '(sss)', idleOrBusy, required),
    field('ActiveTransactionPath', 's', fc.oneof(fc.constant(leaf('')), s), required),
  ],
  false,
);

/** A PropertiesChanged body for the Sysroot: any of the six, none required. */
export const sysrootChanges: fc.Arbitrary<TNode> = dictOf(
  [
    field('Path', 's', s),
    field('Booted', 'o', s),
    field('Deployments', 'aa{sv}', listOf(deploymentDict, 2)),
    field('AutomaticUpdatePolicy', 's', s),
    field('ActiveTransaction', '(sss)', idleOrBusy),
    field('ActiveTransactionPath', 's', s),
  ],
  false,
);

const layeredType = fc.constantFrom(0, 1).map(leaf);
const single = listOf(tupleOf(layeredType, s, s, s));
const modified = listOf(tupleOf(layeredType, s, tupleOf(s, s), tupleOf(s, s)));

const advisory = tupleOf(
  s,
  u32.map(leaf),
  u32.map(leaf),
  strings(2),
  dictOf([field('cve_references', 'a(ss)', listOf(tupleOf(s, s), 2))]),
);

/** OS.CachedUpdate (§8.4), with the package diff under `diffKey`; sometimes `{}`. */
export function cachedUpdateDict(diffKey: string): fc.Arbitrary<TNode> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(dict([])) },
    {
      weight: 9,
      arbitrary: dictOf([
        field('osname', 's', s, required),
        field('checksum', 's', hex64.map(leaf), required),
        field('origin', 's', s, required),
        field('version', 's', s),
        field('timestamp', 't', t),
        field('ref-has-new-commit', 'b', b),
        field(
          diffKey,
          'a{sv}',
          dictOf([
            field('added', 'a(usss)', single),
            field('removed', 'a(usss)', single),
            field('upgraded', 'a(us(ss)(ss))', modified),
            field('downgraded', 'a(us(ss)(ss))', modified),
          ]),
        ),
        field('advisories', 'a(suuasa{sv})', listOf(advisory, 3)),
        field('deployment', 's', s),
        field('gpg-enabled', 'b', b, ignored),
        field('signatures', 'av', signatures, ignored),
        field('update-sha256', 's', hex64.map(leaf), ignored),
        field('remote-error', 's', s, ignored),
        field(
          'manifest-diff',
          'a{sv}',
          dictOf([field('total', 't', t, ignored), field('n-added', 't', t, ignored)], false),
          ignored,
        ),
      ]),
    },
  );
}

/** `(sss)` = (name, evr, arch) inside an rpm-diff entry's details. */
const packageTriple = tupleOf(s, s, s).map((p) => variant('(sss)', p));

/** One `(sua{sv})` of Get*RpmDiff (§8.3): which packages the details hold depends on the kind. */
const rpmDiffEntry = fc
  .tuple(s, fc.nat(3), packageTriple, packageTriple)
  .map(([name, kind, previous, next]) => {
    const entries: Entry[] = [];
    if (kind !== 0)
      entries.push({ key: 'PreviousPackage', node: previous, required: true, checked: true });
    if (kind !== 1) entries.push({ key: 'NewPackage', node: next, required: true, checked: true });
    return list([name, leaf(kind), dict(entries)]);
  });

export const rpmDiff: fc.Arbitrary<TNode> = listOf(rpmDiffEntry, 4);

/** GetDeploymentBootConfig (§8.6): a staged entry has only `options`. */
export const bootConfigDict: fc.Arbitrary<TNode> = dictOf([
  field('staged', 'b', b, required),
  field('options', 's', s, required),
  field('title', 's', s),
  field('version', 's', s),
  field('linux', 's', s, ignored),
  field('initrd', 's', s, ignored),
]);

const packageFields = [
  field('name', 's', s, required),
  field('nevra', 's', s, required),
  field('epoch', 't', t),
  field('version', 's', s),
  field('arch', 's', s),
  field('evr', 's', s),
  field('summary', 's', s),
  field('reponame', 's', s),
];

/** One package of WhatProvides / GetPackages (§5.6). */
export const packageInfoDict: fc.Arbitrary<TNode> = dictOf(packageFields);

/** OS.Search: packages with the match group each was found by. */
export const searchResult: fc.Arbitrary<TNode> = listOf(
  dictOf([
    ...packageFields,
    field(
      'key',
      's',
      fc.constantFrom('match_group_a', 'match_group_b', 'match_group_c').map(leaf),
      required,
    ),
  ]),
  4,
);

const u = u32.map(leaf);

/** `DownloadProgress((tt)(uu)(uuu)(uuut)(uu)(tt))` (§7.3). */
export const downloadProgressBody: fc.Arbitrary<TNode> = tupleOf(
  tupleOf(t, t),
  tupleOf(u, u),
  tupleOf(u, u, u),
  tupleOf(u, u, u, t),
  tupleOf(u, u),
  tupleOf(t, t),
);

/** `SignatureProgress(av, s)` (§7.2). */
export const signatureProgressBody: fc.Arbitrary<TNode> = tupleOf(signatures, s);

/** Each Transaction signal with its signature and a well-typed body (§7.2). */
export const transactionSignal: fc.Arbitrary<{
  readonly member: string;
  readonly signature: string;
  readonly body: TNode;
}> = fc.oneof(
  ...(
    [
      ['Message', 's', tupleOf(s)],
      ['TaskBegin', 's', tupleOf(s)],
      ['TaskEnd', 's', tupleOf(s)],
      ['PercentProgress', 'su', tupleOf(s, fc.integer({ min: 0, max: 100 }).map(leaf))],
      ['DownloadProgress', '(tt)(uu)(uuu)(uuut)(uu)(tt)', downloadProgressBody],
      ['SignatureProgress', 'avs', signatureProgressBody],
      ['ProgressEnd', '', fc.constant(list([]))],
      ['Finished', 'bs', tupleOf(b, s)],
    ] as const
  ).map(([member, signature, body]) => body.map((tree) => ({ member, signature, body: tree }))),
);
