import type { MessageBus } from 'dbus-next';
import { callMethod } from '../../dbus/call.ts';
import { withPolkitActions } from '../polkit-actions.ts';
import type { DaemonProfile } from '../profile.ts';
import { interfaces } from '../profile.ts';
import { ParseError } from '../vardict.ts';

/** Where OS methods go: the booted OS object of one daemon. */
export interface OsTarget {
  readonly bus: MessageBus;
  readonly profile: DaemonProfile;
  /** Object path of the OS object (from Sysroot.Booted, never built by hand). */
  readonly osPath: string;
}

/**
 * Calls an OS method. Interactive authorization is allowed: these methods
 * are polkit-guarded and the desktop's agent may ask for a password, so the
 * timeout is the CLI's five minutes. (The few unguarded ones, the package
 * queries and GetDeploymentBootConfig, carry the flag harmlessly.) A
 * refusal comes back naming the polkit actions the call needed.
 */
export async function osCall(
  target: OsTarget,
  member: string,
  signature: string,
  body: readonly unknown[],
): Promise<readonly unknown[]> {
  try {
    return await callMethod(target.bus, {
      destination: target.profile.busName,
      path: target.osPath,
      interface: interfaces(target.profile).os,
      member,
      signature,
      body,
      interactive: true,
      timeoutMs: 300_000,
    });
  } catch (err) {
    throw withPolkitActions(err, target.profile, 'OS', member, body);
  }
}

/** The `s transaction_address` every transaction-starting method returns. */
export function transactionAddress(reply: readonly unknown[], member: string): string {
  const [address] = reply;
  if (typeof address !== 'string' || address === '')
    throw new ParseError(`${member}.transaction_address`, 'expected a D-Bus address');
  return address;
}
