import { describe, expect, it } from 'vitest';
import { DBusCallError } from '../../../daemon-bridge/dbus/call.ts';
import { toAppError } from '../../../daemon-bridge/errors.ts';

const err = (name: string, text = 'text') => new DBusCallError(name, text, 'M');

describe('toAppError maps every wire error into the closed union', () => {
  it.each([
    ['org.freedesktop.DBus.Error.AccessDenied', 'not-authorized'],
    ['org.freedesktop.DBus.Error.ServiceUnknown', 'daemon-unavailable'],
    ['org.freedesktop.DBus.Error.NameHasNoOwner', 'daemon-unavailable'],
    ['org.freedesktop.DBus.Error.NoReply', 'daemon-unavailable'],
    ['org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code26', 'daemon-busy'],
    ['org.freedesktop.DBus.Error.InvalidArgs', 'invalid-input'],
    ['org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code0', 'transaction-failed'],
  ])('%s → %s', (name, kind) => {
    expect(toAppError(err(name, 'the daemon said so'))).toEqual({
      kind,
      message: 'the daemon said so',
      detail: name,
    });
  });

  it('anything else is a protocol error with its message', () => {
    expect(toAppError(new Error('boom'))).toEqual({ kind: 'protocol', message: 'boom' });
  });
});
