import { KernelArgs } from '../../sysroot/kernel-args.ts';
import type { DaemonContext } from '../daemon-context.ts';
import type { TransactionOutput } from '../transaction/transaction-output.ts';
import { stageDeployment } from './stage-deployment.ts';
import { dict, lookup } from './vardict-lookup.ts';

/** KernelArgs' arguments (reference §5.5). */
export interface KargsRequest {
  readonly existing: string;
  readonly added: readonly string[];
  readonly replaced: readonly string[];
  readonly removed: readonly string[];
  readonly options: unknown;
}

const option = <T>(options: unknown, key: string, type: string) =>
  lookup(dict(options), key, type) as T | undefined;

/**
 * kernel_arg_apply_patching: on the caller's existing string, delete, then
 * replace, then append, then `append-if-missing` (exact argument absent
 * now), then `delete-if-present` (exact argument present in the original).
 * Any non-empty delete/replace/append counts as a change.
 */
export function patchKernelArgs(req: KargsRequest): { kargs: KernelArgs; changed: boolean } {
  const kargs = KernelArgs.fromString(req.existing);
  const original = KernelArgs.fromString(req.existing).toStrv();
  let changed = false;
  for (const arg of req.removed) {
    kargs.delete(arg);
    changed = true;
  }
  for (const arg of req.replaced) {
    kargs.newReplace(arg);
    changed = true;
  }
  if (req.added.length > 0) {
    kargs.appendArgv(req.added);
    changed = true;
  }
  for (const arg of option<string[]>(req.options, 'append-if-missing', 'as') ?? []) {
    if (kargs.toStrv().includes(arg)) continue;
    kargs.append(arg);
    changed = true;
  }
  for (const arg of option<string[]>(req.options, 'delete-if-present', 'as') ?? []) {
    if (!original.includes(arg)) continue;
    kargs.delete(arg);
    changed = true;
  }
  return { kargs, changed };
}

/**
 * The KernelArgs transaction: the result (or `final-kernel-args` verbatim,
 * changed when it differs from the existing string) is staged as a new
 * deployment of the origin merge deployment's commit and origin, its boot
 * entry carrying exactly these arguments (ostree rewrites `ostree=`).
 * Nothing changed → "No changes." and no deployment.
 */
export async function kernelArgsJob(
  ctx: DaemonContext,
  osname: string,
  req: KargsRequest,
  out: TransactionOutput,
  reboot: () => Promise<void>,
): Promise<void> {
  const merge = ctx.state.sysroot.deployments.find((d) => d.osname === osname);
  if (!merge) throw new Error(`No deployments found for os ${osname}`);
  const final = option<string>(req.options, 'final-kernel-args', 's');
  const { kargs, changed } =
    final !== undefined
      ? { kargs: KernelArgs.fromString(final), changed: final !== req.existing }
      : patchKernelArgs(req);
  if (!changed) {
    out.message('No changes.');
    return;
  }
  out.taskBegin('Staging deployment');
  await stageDeployment(ctx.layout, merge, merge.checksum, {
    locked: option<boolean>(req.options, 'lock-finalization', 'b') ?? false,
    kargs: kargs.toStrv(),
  });
  out.taskEnd('done');
  if (option<boolean>(req.options, 'reboot', 'b')) await reboot();
}
