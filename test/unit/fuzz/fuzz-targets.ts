/**
 * The parsers the fuzzing test drives (parsers.fuzz.test.ts): for each, the
 * well-typed trees of its real schema, their malformed mutations, what it is
 * called with, and the invariants of what it returns.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { parseBootConfig } from '../../../daemon-bridge/rpm-ostree/parse-boot-config.ts';
import { parseCachedUpdate } from '../../../daemon-bridge/rpm-ostree/parse-cached-update.ts';
import {
  parseDeployment,
  parseOptionalDeployment,
} from '../../../daemon-bridge/rpm-ostree/parse-deployment.ts';
import {
  parsePackageInfo,
  parseSearchResult,
} from '../../../daemon-bridge/rpm-ostree/parse-package-info.ts';
import {
  parseRpmDiff,
  parseRpmDiffVariant,
} from '../../../daemon-bridge/rpm-ostree/parse-rpm-diff.ts';
import {
  applySysrootChanges,
  parseSysrootProperties,
} from '../../../daemon-bridge/rpm-ostree/parse-sysroot.ts';
import { APT_OSTREE, member, RPM_OSTREE } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import { parseDownloadProgress } from '../../../daemon-bridge/rpm-ostree/transaction/parse-download-progress.ts';
import {
  parseTransactionSignal,
  TRANSACTION_SIGNALS,
} from '../../../daemon-bridge/rpm-ostree/transaction/parse-signal.ts';
import { parseSignatureProgress } from '../../../daemon-bridge/rpm-ostree/transaction/parse-signature-progress.ts';
import {
  assertPlainData,
  bootConfigSchema,
  cachedUpdateSchema,
  deploymentSchema,
  packageChangeSchema,
  packageInfoSchema,
  searchHitSchema,
  sysrootSchema,
  transactionEventSchema,
} from '../../support/domain-invariants.ts';
import { anyString, render, SIGNATURES, variant } from '../../support/variant-arbitraries.ts';
import type { TNode } from '../../support/variant-arbitraries.ts';
import { malformed } from '../../support/variant-mutations.ts';
import type { Mutation } from '../../support/variant-mutations.ts';
import {
  bootConfigDict,
  cachedUpdateDict,
  deploymentDict,
  downloadProgressBody,
  packageInfoDict,
  rpmDiff,
  searchResult,
  signatureProgressBody,
  sysrootChanges,
  sysrootGetAll,
  transactionSignal,
} from '../../support/variant-shapes.ts';

/** One generated input: what the parser gets, its name in errors, and how it was broken. */
export interface Case {
  readonly input: unknown;
  /** What `root` names in ParseError keys, when not the whole input (a signal's body). */
  readonly named?: unknown;
  readonly root: string;
  readonly mutations: readonly Mutation[];
}

export interface Target {
  readonly parser: string;
  readonly valid: fc.Arbitrary<Case>;
  readonly broken: fc.Arbitrary<Case>;
  readonly parse: (input: unknown) => unknown;
  /** The invariants of a result. */
  readonly check: (result: unknown, input: unknown) => void;
}

const schema =
  (s: z.ZodType<unknown>) =>
  (result: unknown): void => {
    s.parse(result);
    assertPlainData(result);
  };

/**
 * How fast-check prints a failing case: the mutations and the input cut
 * short (inputs may nest thousands deep, which its own printer cannot).
 */
function printable<C extends Case>(c: C): C {
  const text = () => {
    const ops = c.mutations.map((m) => `${m.op} at [${m.path.join(', ')}]`).join('; ');
    let json: string;
    try {
      json = JSON.stringify(c.input, (_k, v: unknown) =>
        typeof v === 'bigint' ? `${v}n` : v,
      ).slice(0, 2_000);
    } catch {
      json = '(too deep to print)';
    }
    return `{ root: ${c.root}, mutations: ${ops || 'none'}, input: ${json} }`;
  };
  return Object.assign(c, { [fc.toStringMethod]: text });
}

/** A target whose input is the rendered tree, named `root` in its errors. */
function treeTarget(
  parser: string,
  root: string,
  valid: fc.Arbitrary<TNode>,
  parse: (input: unknown) => unknown,
  check: (result: unknown, input: unknown) => void,
  rootOps?: readonly string[],
): Target {
  return {
    parser,
    valid: valid.map((tree) => printable({ input: render(tree), root, mutations: [] })),
    broken: malformed(valid, rootOps).map((m) =>
      printable({ input: render(m.tree), root, mutations: m.mutations }),
    ),
    parse,
    check,
  };
}

/** `{}` is "none" for these: null, and only for an input with no keys at all. */
const nullOnlyForEmpty =
  (s: z.ZodType<unknown>) =>
  (result: unknown, input: unknown): void => {
    if (result === null && Object.keys(input as object).length > 0)
      throw new Error('null for a dictionary with keys');
    schema(s)(result);
  };

/** The Sysroot state a PropertiesChanged applies to: a transaction running. */
const currentSysroot = parseSysrootProperties(
  render({
    kind: 'dict',
    strict: false,
    entries: (
      [
        ['Path', 's', '/'],
        ['Booted', 'o', '/org/projectatomic/rpmostree1/fedora'],
        ['Deployments', 'aa{sv}', []],
        ['AutomaticUpdatePolicy', 's', 'check'],
        [
          'ActiveTransaction',
          '(sss)',
          ['Upgrade', ':1.42', '/org/projectatomic/rpmostree1/fedora'],
        ],
        ['ActiveTransactionPath', 's', 'unix:path=/run/rpm-ostree-transaction.sock'],
      ] as const
    ).map(([key, sig, value]) => ({
      key,
      node: variant(sig, { kind: 'leaf', value }),
      required: true,
      checked: true,
    })),
  }),
);

const KNOWN_MEMBERS = Object.keys(TRANSACTION_SIGNALS);

/** Signals: the body is broken like any tree; sometimes the member or signature changes too. */
const signalCases = (mutate: boolean): fc.Arbitrary<Case> =>
  transactionSignal.chain((signal) =>
    fc
      .tuple(
        mutate
          ? malformed(fc.constant(signal.body), ['drop-item', 'extra-item'])
          : fc.constant({ tree: signal.body, mutations: [] }),
        mutate
          ? fc.option(
              fc.oneof(
                fc.record({ member: fc.oneof(fc.constantFrom(...KNOWN_MEMBERS), anyString) }),
                fc.record({
                  signature: fc.constantFrom(...SIGNATURES, ...Object.values(TRANSACTION_SIGNALS)),
                }),
              ),
              { nil: undefined },
            )
          : fc.constant(undefined),
      )
      .map(([body, header]) => {
        const msg = { member: signal.member, signature: signal.signature, ...header };
        const expected = (TRANSACTION_SIGNALS as Record<string, string | undefined>)[msg.member];
        const mutations: Mutation[] = [...body.mutations];
        if (header)
          mutations.push({
            op: 'header',
            path: [],
            mustFail: Object.hasOwn(TRANSACTION_SIGNALS, msg.member) && expected !== msg.signature,
          });
        const rendered = render(body.tree);
        return printable({
          input: { ...msg, body: rendered },
          named: rendered,
          root: `Transaction.${msg.member}`,
          mutations,
        });
      }),
  );

/** Every parser of daemon replies, once per shape it is called with. */
export const FUZZ_TARGETS: readonly Target[] = [
  treeTarget(
    'parseDeployment',
    'deployment',
    deploymentDict,
    (v) => parseDeployment(v),
    schema(deploymentSchema),
  ),
  treeTarget(
    'parseOptionalDeployment',
    'OS.DefaultDeployment',
    deploymentDict,
    (v) => parseOptionalDeployment(v, 'OS.DefaultDeployment'),
    nullOnlyForEmpty(deploymentSchema.nullable()),
  ),
  treeTarget(
    'parseSysrootProperties',
    'Sysroot',
    sysrootGetAll,
    parseSysrootProperties,
    schema(sysrootSchema),
  ),
  treeTarget(
    'applySysrootChanges',
    'Sysroot',
    sysrootChanges,
    (v) => applySysrootChanges(currentSysroot, v as Record<string, unknown>),
    schema(sysrootSchema),
    // The signal handler passes on only objects (daemon-link.ts).
    ['special-key', 'special-key-variant', 'array-for-dict'],
  ),
  treeTarget(
    'parseCachedUpdate',
    'OS.CachedUpdate',
    cachedUpdateDict(member(RPM_OSTREE, 'rpm-diff')),
    (v) => parseCachedUpdate(v),
    nullOnlyForEmpty(cachedUpdateSchema),
  ),
  treeTarget(
    'parseCachedUpdate (apt-ostree)',
    'OS.CachedUpdate',
    cachedUpdateDict(member(APT_OSTREE, 'rpm-diff')),
    (v) => parseCachedUpdate(v, 'OS.CachedUpdate', APT_OSTREE),
    nullOnlyForEmpty(cachedUpdateSchema),
  ),
  treeTarget(
    'parseRpmDiff',
    'rpm-diff',
    rpmDiff,
    (v) => parseRpmDiff(v),
    (r) => {
      schema(packageChangeSchema.array())(r);
    },
  ),
  treeTarget(
    'parseRpmDiffVariant',
    'GetDeploymentsRpmDiff',
    rpmDiff.map((tree) => variant('a(sua{sv})', tree)),
    (v) => parseRpmDiffVariant(v, 'GetDeploymentsRpmDiff'),
    schema(packageChangeSchema.array()),
  ),
  treeTarget(
    'parseBootConfig',
    'GetDeploymentBootConfig',
    bootConfigDict,
    (v) => parseBootConfig(v),
    schema(bootConfigSchema),
  ),
  treeTarget(
    'parsePackageInfo',
    'WhatProvides[0]',
    packageInfoDict,
    (v) => parsePackageInfo(v, 'WhatProvides[0]'),
    schema(packageInfoSchema),
  ),
  treeTarget(
    'parseSearchResult',
    'Search',
    searchResult,
    (v) => parseSearchResult(v),
    schema(searchHitSchema.array()),
  ),
  treeTarget(
    'parseDownloadProgress',
    'DownloadProgress',
    downloadProgressBody,
    (v) => parseDownloadProgress(v as unknown[]),
    schema(transactionEventSchema),
    ['drop-item', 'extra-item'],
  ),
  treeTarget(
    'parseSignatureProgress',
    'SignatureProgress',
    signatureProgressBody,
    (v) => parseSignatureProgress(v as unknown[]),
    schema(transactionEventSchema),
    ['drop-item', 'extra-item'],
  ),
  {
    parser: 'parseTransactionSignal',
    valid: signalCases(false),
    broken: signalCases(true),
    parse: (v) => parseTransactionSignal(v as Parameters<typeof parseTransactionSignal>[0]),
    check: (result, input) => {
      const { member: name } = input as { member: string };
      if (!Object.hasOwn(TRANSACTION_SIGNALS, name)) {
        if (result !== undefined) throw new Error(`an event for unknown signal ${name}`);
        return;
      }
      schema(transactionEventSchema)(result);
    },
  },
];
