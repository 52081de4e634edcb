/**
 * The command table: every call the renderer can make toward the main
 * process, with the schema its arguments must pass. Preload, the Electron
 * IPC wrapper, the WebSocket server and the WebSocket client are all driven
 * by this one table; add a command to channels.ts and here first.
 */
import { z } from 'zod';
import type { CommandName } from './channels.ts';
import type { AppState, Result } from './domain.ts';
import type { PackageChange } from './updates.ts';

export { channelOf, commandNames, MAX_PAYLOAD_BYTES, STATE_CHANNEL } from './channels.ts';
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

const cleanupElements = z
  .array(z.enum(['base', 'pending-deploy', 'rollback-deploy', 'repomd']))
  .min(1)
  .max(4)
  .refine((xs) => new Set(xs).size === xs.length, 'each element at most once');

/** Argument schemas, as tuples. Objects inside use `.strict()` to refuse extra keys. */
export const commandArgs = {
  getState: z.tuple([]),
  refresh: z.tuple([]),
  checkForUpdates: z.tuple([]),
  stageUpdate: z.tuple([]),
  cancelTransaction: z.tuple([]),
  rebootToApply: z.tuple([]),
  rollback: z.tuple([]),
  compareDeployments: z.tuple([deploymentId, deploymentId]),
  previewDeploy: z.tuple([revision]),
  deployRevision: z.tuple([revision]),
  cleanup: z.tuple([cleanupElements]),
  dismissActivity: z.tuple([]),
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
}

/** What deploying a revision would change, before anything is deployed. */
export interface DeployPreview {
  readonly checksum: string;
  readonly version: string | null;
  readonly timestamp: number | null;
  readonly changes: readonly PackageChange[];
}

export type CommandArgs<K extends CommandName> = z.infer<(typeof commandArgs)[K]>;
