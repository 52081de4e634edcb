import type { AppError } from './contract/domain.ts';
import { DBusCallError, LOCAL_DISCONNECTED, LOCAL_TIMEOUT } from './dbus/call.ts';
import { NotAuthorizedError } from './rpm-ostree/polkit-actions.ts';
import { ParseError } from './rpm-ostree/vardict.ts';

/** D-Bus error names the real daemon and bus use (reference §10). */
export const DBUS_ERRORS = {
  accessDenied: 'org.freedesktop.DBus.Error.AccessDenied',
  serviceUnknown: 'org.freedesktop.DBus.Error.ServiceUnknown',
  nameHasNoOwner: 'org.freedesktop.DBus.Error.NameHasNoOwner',
  noReply: 'org.freedesktop.DBus.Error.NoReply',
  busy: 'org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code26',
  invalidArgs: 'org.freedesktop.DBus.Error.InvalidArgs',
  /** What a daemon without a call for something answers (apt-layer's adapter too). */
  notSupported: 'org.freedesktop.DBus.Error.NotSupported',
} as const;

const UNAVAILABLE = new Set<string>([
  DBUS_ERRORS.serviceUnknown,
  DBUS_ERRORS.nameHasNoOwner,
  DBUS_ERRORS.noReply,
  LOCAL_TIMEOUT,
  LOCAL_DISCONNECTED,
]);

/** True when an error means "the daemon is not there right now". */
export function isUnavailable(err: unknown): boolean {
  return err instanceof DBusCallError && UNAVAILABLE.has(err.errorName);
}

/**
 * A refusal names the polkit actions the call needed, which is what an
 * administrator grants, then keeps the daemon's own words: "Not authorized
 * for org.projectatomic.rpmostree1.rollback: rpmostreed OS operation
 * Rollback not allowed for user".
 */
function notAuthorizedText(err: DBusCallError): string {
  if (!(err instanceof NotAuthorizedError)) return err.text;
  return `Not authorized for ${err.actions.join(' and ')}: ${err.text}`;
}

/** Any failure → the contract's closed error union, keeping the daemon's own words. */
export function toAppError(err: unknown): AppError {
  if (err instanceof ParseError) return { kind: 'protocol', message: err.message, detail: err.key };
  if (err instanceof DBusCallError) {
    const detail = err.errorName;
    if (err.errorName === DBUS_ERRORS.accessDenied)
      return { kind: 'not-authorized', message: notAuthorizedText(err), detail };
    if (UNAVAILABLE.has(err.errorName))
      return { kind: 'daemon-unavailable', message: err.text, detail };
    if (err.errorName === DBUS_ERRORS.busy)
      return { kind: 'daemon-busy', message: err.text, detail };
    if (err.errorName === DBUS_ERRORS.invalidArgs || err.errorName === DBUS_ERRORS.notSupported)
      return { kind: 'invalid-input', message: err.text, detail };
    return { kind: 'transaction-failed', message: err.text, detail };
  }
  return { kind: 'protocol', message: err instanceof Error ? err.message : String(err) };
}
