import type { UserUpdatePolicy } from '../contract/desktop.ts';
import { fail, ok } from '../contract/domain.ts';
import type { AppError, Result } from '../contract/domain.ts';
import { readTextIfExists, writeFileAtomic } from './atomic-write.ts';
import { setKeyfileValue } from './keyfile-edit.ts';

/** rpm-ostreed.conf: `[Daemon] AutomaticUpdatePolicy=` (reference §4). */
export const DAEMON_GROUP = 'Daemon';
export const POLICY_KEY = 'AutomaticUpdatePolicy';

/** The config text with the policy set; every other line stays as it was. */
export function withAutomaticUpdatePolicy(text: string, policy: UserUpdatePolicy): string {
  return setKeyfileValue(text, DAEMON_GROUP, POLICY_KEY, policy);
}

/** Asks the daemon to re-read its config (Sysroot.ReloadConfig); rejects with the daemon's error. */
export type ReloadDaemonConfig = () => Promise<void>;

/**
 * Writes the policy into the daemon's config file (created when missing),
 * then has the daemon reload it. A failed reload is reported with the fact
 * that the file was written: the daemon reads it again when it restarts.
 */
export async function setAutomaticUpdatePolicy(
  configPath: string,
  policy: UserUpdatePolicy,
  reload: ReloadDaemonConfig,
  describeReloadError: (err: unknown) => AppError,
): Promise<Result<null>> {
  try {
    const text = (await readTextIfExists(configPath)) ?? '';
    await writeFileAtomic(configPath, withAutomaticUpdatePolicy(text, policy));
  } catch (err) {
    return fail({
      kind: 'transaction-failed',
      message: `Cannot write ${configPath}: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  try {
    await reload();
  } catch (err) {
    const error = describeReloadError(err);
    return fail({
      ...error,
      message:
        `${POLICY_KEY}=${policy} was written to ${configPath}, but the update daemon did not ` +
        `reload its configuration (${error.message}); it applies when the daemon restarts.`,
    });
  }
  return ok(null);
}
