/**
 * The daemon's side of polkit: `org.freedesktop.PolicyKit1.Authority.CheckAuthorization`
 * for a `system-bus-name` subject (what polkit_system_bus_name_new +
 * polkit_authority_check_authorization_sync send), and the bus driver's
 * GetConnectionUnixUser for the uid-0 bypass.
 */
import { Variant } from 'dbus-next';
import type { MessageBus } from 'dbus-next';
import { callMethod, DBusCallError } from '../../../daemon-bridge/dbus/call.ts';

export const POLKIT_BUS_NAME = 'org.freedesktop.PolicyKit1';

/** POLKIT_CHECK_AUTHORIZATION_FLAGS_ALLOW_USER_INTERACTION. */
export const ALLOW_USER_INTERACTION = 0x1;

/** PolkitAuthorizationResult as it comes over the wire: `(bba{ss})`. */
export interface AuthorizationResult {
  readonly isAuthorized: boolean;
  /** Authorized only after authentication (no agent answered, or none asked yet). */
  readonly isChallenge: boolean;
  readonly details: Readonly<Record<string, string>>;
}

export interface AuthorizationCheck {
  /** The caller's unique bus name. */
  readonly sender: string;
  readonly action: string;
  readonly allowUserInteraction: boolean;
}

/**
 * One CheckAuthorization call, with no details and no cancellation id, as
 * rpm-ostreed makes it. A person may be typing a password meanwhile, so
 * the wait is long (the CLI's five minutes).
 */
export async function checkAuthorization(
  bus: MessageBus,
  check: AuthorizationCheck,
): Promise<AuthorizationResult> {
  const [result] = await callMethod(bus, {
    destination: POLKIT_BUS_NAME,
    path: '/org/freedesktop/PolicyKit1/Authority',
    interface: 'org.freedesktop.PolicyKit1.Authority',
    member: 'CheckAuthorization',
    signature: '(sa{sv})sa{ss}us',
    body: [
      ['system-bus-name', { name: new Variant('s', check.sender) }],
      check.action,
      {},
      check.allowUserInteraction ? ALLOW_USER_INTERACTION : 0,
      '',
    ],
    timeoutMs: 300_000,
  });
  if (!Array.isArray(result) || typeof result[0] !== 'boolean' || typeof result[1] !== 'boolean')
    throw new Error(`CheckAuthorization answered ${JSON.stringify(result)}`);
  return {
    isAuthorized: result[0],
    isChallenge: result[1],
    details: (result[2] ?? {}) as Record<string, string>,
  };
}

/** `org.freedesktop.DBus.GetConnectionUnixUser(sender)`, as authorize_method_for_uid0 asks it. */
export async function connectionUnixUser(bus: MessageBus, sender: string): Promise<number> {
  const [uid] = await callMethod(bus, {
    destination: 'org.freedesktop.DBus',
    path: '/org/freedesktop/DBus',
    interface: 'org.freedesktop.DBus',
    member: 'GetConnectionUnixUser',
    signature: 's',
    body: [sender],
    timeoutMs: 25_000,
  });
  if (typeof uid !== 'number') throw new Error(`GetConnectionUnixUser answered ${String(uid)}`);
  return uid;
}

/**
 * A failed call's GError message as GLib words it: a remote error keeps its
 * name (`GDBus.Error:<name>: <text>`), which the daemon then quotes.
 */
export function gerrorMessage(err: unknown): string {
  if (err instanceof DBusCallError) return `GDBus.Error:${err.errorName}: ${err.text}`;
  return err instanceof Error ? err.message : String(err);
}
