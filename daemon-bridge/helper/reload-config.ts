import type { AppError } from '../contract/domain.ts';
import { callMethod, DBusCallError } from '../dbus/call.ts';
import { closeBus, connectBus } from '../dbus/connect-bus.ts';
import { toAppError } from '../errors.ts';
import { withPolkitActions } from '../rpm-ostree/polkit-actions.ts';
import { interfaces } from '../rpm-ostree/profile.ts';
import type { DaemonProfile } from '../rpm-ostree/profile.ts';
import type { ReloadDaemonConfig } from './update-policy.ts';

/**
 * `Sysroot.ReloadConfig()` on the daemon, over a connection opened for the
 * call and closed after it (the helper changes the policy rarely). The
 * daemon replies after it has re-read the file and emitted the property
 * change, so the app sees the new AutomaticUpdatePolicy once this resolves.
 * polkit guards it (reload-daemon, auth_admin_keep), so interactive
 * authorization is allowed, as for every call that may need a password.
 */
export function daemonConfigReloader(
  profile: DaemonProfile,
  busAddress: string,
): ReloadDaemonConfig {
  return async () => {
    const bus = await connectBus(busAddress);
    try {
      await callMethod(bus, {
        destination: profile.busName,
        path: profile.sysrootPath,
        interface: interfaces(profile).sysroot,
        member: 'ReloadConfig',
        interactive: true,
        timeoutMs: 300_000,
      });
    } catch (err) {
      throw withPolkitActions(err, profile, 'Sysroot', 'ReloadConfig', []);
    } finally {
      closeBus(bus);
    }
  };
}

/** A reload failure as an AppError: the daemon's own text, or why the bus could not be reached. */
export function describeReloadError(err: unknown): AppError {
  if (err instanceof DBusCallError) return toAppError(err);
  return {
    kind: 'daemon-unavailable',
    message: `cannot reach the system bus: ${err instanceof Error ? err.message : String(err)}`,
  };
}
