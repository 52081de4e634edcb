/**
 * The command table: every call the renderer can make toward the main
 * process, with the schema its arguments must pass. Preload, the Electron
 * IPC wrapper, the WebSocket server and the WebSocket client are all driven
 * by this one table; add a command to channels.ts and here first.
 */
import { z } from 'zod';
import type { CommandName } from './channels.ts';
import type { AppState, Result } from './domain.ts';
import type { PackageChange, UpdateChanges } from './updates.ts';
import { CHANGES_ID_PATTERN } from './updates.ts';
import { userUpdatePolicies } from './desktop.ts';
import type { DesktopSettings } from './desktop.ts';
import type { DiagnosticsFile } from './health.ts';
import { kernelArgProblem, MAX_KERNEL_ARG_LENGTH } from './kernel-args.ts';
import {
  MAX_PACKAGE_SPEC_LENGTH,
  MAX_PACKAGES_PER_REQUEST,
  MAX_SEARCH_TERM_LENGTH,
  MAX_SEARCH_TERMS,
  PACKAGE_SPEC,
  SEARCH_TERM,
} from './packages.ts';
import type { PackageSearchHit } from './packages.ts';

export {
  channelOf,
  commandNames,
  MAX_PAYLOAD_BYTES,
  NAVIGATE_CHANNEL,
  STATE_CHANNEL,
} from './channels.ts';
export type { CommandName } from './channels.ts';

/** A deployment id as the daemon writes it: `<osname>-<checksum>.<serial>`. */
const deploymentId = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:+-]*$/, 'not a deployment id');

/**
 * A revision for Deploy: a 64-hex checksum, `revision=<sha256>`, `version=<v>`
 * or a bare version. No whitespace or control characters, nothing that could
 * read as an option.
 */
const revision = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:+~=-]*$/, 'not a version or checksum');

const changesId = z.string().regex(CHANGES_ID_PATTERN, 'not a changes id');

const cleanupElements = z
  .array(z.enum(['base', 'pending-deploy', 'rollback-deploy', 'repomd']))
  .min(1)
  .max(4)
  .refine((xs) => new Set(xs).size === xs.length, 'each element at most once');

/** A package name or NEVRA to layer, remove or override (see packages.ts). */
const packageSpec = z
  .string()
  .min(1)
  .max(MAX_PACKAGE_SPEC_LENGTH)
  .regex(PACKAGE_SPEC, 'not a package name');

const packageList = z
  .array(packageSpec)
  .max(MAX_PACKAGES_PER_REQUEST)
  .refine((xs) => new Set(xs).size === xs.length, 'each package at most once');

const searchTerm = z
  .string()
  .min(1)
  .max(MAX_SEARCH_TERM_LENGTH)
  .regex(SEARCH_TERM, 'not a search term');

/** One kernel argument, checked by the same rules the editor shows (kernel-args.ts). */
const kernelArg = z
  .string()
  .max(MAX_KERNEL_ARG_LENGTH)
  .superRefine((arg, ctx) => {
    const problem = kernelArgProblem(arg);
    if (problem) ctx.addIssue({ code: 'custom', message: `kernel argument refused: ${problem}` });
  });

const kernelArgList = z.array(kernelArg).max(64);

/** Argument schemas, as tuples. Objects inside use `.strict()` to refuse extra keys. */
export const commandArgs = {
  getState: z.tuple([]),
  refresh: z.tuple([]),
  checkForUpdates: z.tuple([]),
  stageUpdate: z.tuple([]),
  cancelTransaction: z.tuple([]),
  rebootToApply: z.tuple([]),
  rollback: z.tuple([]),
  updateChanges: z.tuple([changesId]),
  compareDeployments: z.tuple([deploymentId, deploymentId]),
  previewDeploy: z.tuple([revision]),
  deployRevision: z.tuple([revision]),
  cleanup: z.tuple([cleanupElements]),
  dismissActivity: z.tuple([]),
  searchPackages: z.tuple([z.array(searchTerm).min(1).max(MAX_SEARCH_TERMS)]),
  changePackages: z.tuple([
    z
      .object({ add: packageList, remove: packageList })
      .strict()
      .refine((r) => r.add.length + r.remove.length > 0, 'nothing to change'),
  ]),
  changeOverrides: z.tuple([
    z
      .object({ remove: packageList, reset: packageList })
      .strict()
      .refine((r) => r.remove.length + r.reset.length > 0, 'nothing to change'),
  ]),
  resetPackageChanges: z.tuple([
    z
      .object({ layering: z.boolean(), overrides: z.boolean() })
      .strict()
      .refine((r) => r.layering || r.overrides, 'nothing to reset'),
  ]),
  changeKernelArgs: z.tuple([
    z
      .object({ added: kernelArgList, replaced: kernelArgList, removed: kernelArgList })
      .strict()
      .refine(
        (r) => r.added.length + r.replaced.length + r.removed.length > 0,
        'nothing to change',
      ),
  ]),
  setPinned: z.tuple([z.object({ deploymentId, pinned: z.boolean() }).strict()]),
  setAutomaticUpdatePolicy: z.tuple([z.enum(userUpdatePolicies)]),
  changeDesktopSettings: z.tuple([
    z
      .object({
        quiet: z.boolean().optional(),
        autostart: z.boolean().optional(),
        backgroundChecks: z.boolean().optional(),
      })
      .strict()
      .refine((r) => Object.keys(r).length > 0, 'nothing to change'),
  ]),
  checkHealth: z.tuple([]),
  exportDiagnostics: z.tuple([]),
} satisfies { readonly [K in CommandName]: z.ZodTuple };

/** What each command resolves to. Expected failures come back as `Result`. */
export interface CommandResults {
  getState: AppState;
  /** Sysroot.Reload, then a fresh read. */
  refresh: Result<null>;
  /** AutomaticUpdateTrigger(mode=check): refreshes the cached update. */
  checkForUpdates: Result<null>;
  /** Upgrade: downloads and stages the update for the next boot. */
  stageUpdate: Result<null>;
  /** Transaction.Cancel on the running transaction. */
  cancelTransaction: Result<null>;
  /** Reboots into the staged deployment (logind; the sandbox's own reboot there). */
  rebootToApply: Result<null>;
  /**
   * Rollback: the rollback deployment boots next. Called again before a
   * reboot it undoes itself: with only a pending deployment, the daemon moves
   * the booted one back on top (reference §5.4).
   */
  rollback: Result<null>;
  /**
   * The package rows of the cached update, named by the `changesId` the
   * state's summary carries; refused when the daemon's cached update no
   * longer has those rows.
   */
  updateChanges: Result<UpdateChanges>;
  /** GetDeploymentsRpmDiff(from, to). */
  compareDeployments: Result<readonly PackageChange[]>;
  /** DownloadDeployRpmDiff then GetCachedDeployRpmDiff: what deploying `revision` changes. */
  previewDeploy: Result<DeployPreview>;
  /** Deploy(revision): stages that version. */
  deployRevision: Result<null>;
  /** Cleanup(elements). */
  cleanup: Result<null>;
  /** Forgets the finished activity shown in the panel. */
  dismissActivity: null;
  /** OS.Search(terms): packages of the daemon's repositories, best matches first. */
  searchPackages: Result<readonly PackageSearchHit[]>;
  /** OS.PkgChange: layer `add`, remove the layered `remove`; a new pending deployment. */
  changePackages: Result<null>;
  /** OS.UpdateDeployment with override-remove-packages / override-reset-packages. */
  changeOverrides: Result<null>;
  /** OS.UpdateDeployment with no-layering / no-overrides (`rpm-ostree reset`). */
  resetPackageChanges: Result<null>;
  /**
   * OS.KernelArgs on the pending (else booted) deployment's arguments, which
   * the main process reads itself right before (GetDeploymentBootConfig).
   */
  changeKernelArgs: Result<null>;
  /** Pins or unpins a deployment through the privileged helper (`ostree admin pin`). */
  setPinned: Result<null>;
  /** Writes AutomaticUpdatePolicy to the daemon's config through the helper, then ReloadConfig. */
  setAutomaticUpdatePolicy: Result<null>;
  /** Changes the app's own settings (quiet notifications, autostart, background checks). */
  changeDesktopSettings: Result<DesktopSettings>;
  /** Runs the health probes (disk space, the journal) again; the results come with the state. */
  checkHealth: Result<null>;
  /** The diagnostics file (daemon state, recent transactions, health, settings; nothing secret). */
  exportDiagnostics: Result<DiagnosticsFile>;
}

/** What deploying a revision would change, before anything is deployed. */
export interface DeployPreview {
  readonly checksum: string;
  readonly version: string | null;
  readonly timestamp: number | null;
  readonly changes: readonly PackageChange[];
}

export type CommandArgs<K extends CommandName> = z.infer<(typeof commandArgs)[K]>;
