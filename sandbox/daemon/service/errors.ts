import * as dbus from 'dbus-next';

/**
 * D-Bus error names as rpm-ostreed's GLib stack produces them (reference
 * §10). Most daemon failures are GIO errors, which GDBus sends as
 * "unmapped" quark names with the numeric code.
 */
export const IoErrorCode = { FAILED: 0, NOT_FOUND: 1, BUSY: 26 } as const;
export type IoErrorCode = (typeof IoErrorCode)[keyof typeof IoErrorCode];

/** `org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code<N>`. */
export function ioErrorName(code: IoErrorCode): string {
  return `org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code${code}`;
}

/** A G_IO_ERROR reply (glnx_throw and Rust errors are G_IO_ERROR_FAILED). */
export function ioError(code: IoErrorCode, text: string): dbus.DBusError {
  return new dbus.DBusError(ioErrorName(code), text);
}

/**
 * The daemon's own error domain: rpm-ostreed's `org.projectatomic.rpmostreed.Error.*`,
 * or the profile's (`errorDomain`, e.g. apt-ostree's).
 */
export function rpmostreedError(
  kind: 'Failed' | 'InvalidSysroot' | 'NotAuthorized' | 'UpdateInProgress' | 'InvalidRefspec',
  text: string,
  domain = 'org.projectatomic.rpmostreed.Error',
): dbus.DBusError {
  return new dbus.DBusError(`${domain}.${kind}`, text);
}

/** Standard bus errors GDBus sends for malformed calls. */
export const DBUS_ERROR = {
  unknownMethod: 'org.freedesktop.DBus.Error.UnknownMethod',
  invalidArgs: 'org.freedesktop.DBus.Error.InvalidArgs',
  failed: 'org.freedesktop.DBus.Error.Failed',
  accessDenied: 'org.freedesktop.DBus.Error.AccessDenied',
} as const;

/** Any thrown value as a D-Bus error: DBusErrors pass through, the rest become G_IO_ERROR_FAILED. */
export function toDBusError(err: unknown): dbus.DBusError {
  if (err instanceof dbus.DBusError) return err;
  return ioError(IoErrorCode.FAILED, err instanceof Error ? err.message : String(err));
}
