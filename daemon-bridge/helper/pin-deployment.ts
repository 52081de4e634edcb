import type { PinParams } from '../contract/helper-protocol.ts';
import { fail, ok } from '../contract/domain.ts';
import type { Result } from '../contract/domain.ts';
import { deploymentName, parseAdminStatus } from './ostree-admin-status.ts';
import type { AdminStatusEntry } from './ostree-admin-status.ts';
import type { OstreeRunner } from './ostree-run.ts';

/**
 * Pins or unpins deployment `params.index` of `sysroot`, but only if that
 * index still is the deployment the user saw (`osname checksum.serial`):
 * ostree addresses deployments by position only, and the list moves under
 * every deploy, cleanup or finalization.
 *
 * Between the check and `ostree admin pin` another process could still
 * change the list (ostree waits for the sysroot lock a running transaction
 * holds); the list is read again afterwards, so that case is reported
 * instead of passing as success.
 */
export async function pinDeployment(
  sysroot: string,
  params: PinParams,
  run: OstreeRunner,
): Promise<Result<null>> {
  const wanted = deploymentName(params);
  const before = await readStatus(sysroot, run);
  if (!before.ok) return before;
  const entry = before.value[params.index];
  if (!entry || !sameDeployment(entry, params))
    return fail({
      kind: 'invalid-input',
      message:
        `The deployment list changed: deployment ${params.index} is ` +
        `${entry ? deploymentName(entry) : 'not there any more'}, not ${wanted}. ` +
        'Nothing was changed; look at the list again.',
    });

  const args = ['admin', 'pin', `--sysroot=${sysroot}`];
  if (!params.pinned) args.push('--unpin');
  // Digits only (schema: a non-negative integer), so it can never read as an option.
  args.push(String(params.index));
  const pinned = await run(args);
  if (!pinned.ok) return fail({ kind: 'transaction-failed', message: pinned.message });

  const after = await readStatus(sysroot, run);
  if (!after.ok)
    return fail({
      kind: 'transaction-failed',
      message: `ostree ran, but the result could not be checked: ${after.error.message}`,
    });
  const now = after.value[params.index];
  if (!now || !sameDeployment(now, params) || now.pinned !== params.pinned)
    return fail({
      kind: 'transaction-failed',
      message:
        `The deployment list changed while ${params.pinned ? 'pinning' : 'unpinning'} ${wanted}: ` +
        `deployment ${params.index} is now ${now ? deploymentName(now) : 'gone'}` +
        `${now ? ` (${now.pinned ? 'pinned' : 'not pinned'})` : ''}. Check the pins in the list.`,
    });
  return ok(null);
}

function sameDeployment(entry: AdminStatusEntry, params: PinParams): boolean {
  return (
    entry.osname === params.osname &&
    entry.checksum === params.checksum &&
    entry.serial === params.serial
  );
}

async function readStatus(
  sysroot: string,
  run: OstreeRunner,
): Promise<Result<readonly AdminStatusEntry[]>> {
  const status = await run(['admin', 'status', `--sysroot=${sysroot}`]);
  if (!status.ok)
    return fail({
      kind: 'daemon-unavailable',
      message: `Cannot read the deployments: ${status.message}`,
    });
  return ok(parseAdminStatus(status.stdout));
}
