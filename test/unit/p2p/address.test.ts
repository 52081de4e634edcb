import { describe, expect, it } from 'vitest';
import {
  connectTarget,
  escapeDbusAddressValue,
  parseDbusAddress,
  unixPathAddress,
} from '../../../daemon-bridge/dbus/p2p/address.ts';
import { PeerError } from '../../../daemon-bridge/dbus/p2p/errors.ts';

const GUID = '0123456789abcdef0123456789abcdef';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof PeerError ? err.code : `not a PeerError: ${String(err)}`;
  }
  return undefined;
}

describe('parseDbusAddress', () => {
  it('reads the alternatives in order, with percent-decoding and guids', () => {
    expect(
      parseDbusAddress(
        `unix:path=/run/rpm-ostree-transaction.sock;unix:abstract=/tmp/rpm-ostree/dbus-Ab12,guid=${GUID};` +
          'unix:path=/tmp/with%20space%2ccomma/%e2%80%a6.sock;tcp:host=localhost,port=1;unix:tmpdir=/tmp',
      ),
    ).toEqual([
      { kind: 'unix-path', path: '/run/rpm-ostree-transaction.sock' },
      { kind: 'unix-abstract', name: '/tmp/rpm-ostree/dbus-Ab12', guid: GUID },
      { kind: 'unix-path', path: '/tmp/with space,comma/….sock' },
      { kind: 'unsupported', transport: 'tcp', text: 'tcp:host=localhost,port=1' },
      { kind: 'unsupported', transport: 'unix', text: 'unix:tmpdir=/tmp' },
    ]);
  });

  it('ignores empty alternatives and empty pairs (trailing ; and ,)', () => {
    expect(parseDbusAddress('unix:path=/a,;;')).toEqual([{ kind: 'unix-path', path: '/a' }]);
  });

  it.each([
    ['', 'empty'],
    ['unix', 'no transport'],
    [':path=/a', 'no transport'],
    ['unix:path', 'no key=value'],
    ['unix:path=/a,path=/b', 'duplicate key'],
    ['unix:path=/a%zz', 'broken escape'],
    ['unix:path=/a,guid=xyz', 'bad guid'],
    ['unix:path=/a,abstract=b', 'both path and abstract'],
    ['unix:path=', 'empty path'],
  ])('rejects %j (%s) with a bad-address PeerError', (address) => {
    expect(codeOf(() => parseDbusAddress(address))).toBe('bad-address');
  });
});

describe('connectTarget', () => {
  it('takes the first unix:path= alternative, skipping ones Node cannot use', () => {
    expect(connectTarget(`unix:abstract=/x;tcp:port=1;unix:path=/y,guid=${GUID}`)).toEqual({
      kind: 'unix-path',
      path: '/y',
      guid: GUID,
    });
  });

  it('refuses abstract-only addresses with an error naming the limitation', () => {
    let error: unknown;
    try {
      connectTarget('unix:abstract=/tmp/rpm-ostree/dbus-XXXXXXXX');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PeerError);
    expect((error as PeerError).code).toBe('abstract-socket');
    expect((error as PeerError).message).toMatch(/abstract.*Node.*108 bytes.*GLib/s);
  });

  it('refuses addresses with nothing to connect to', () => {
    expect(codeOf(() => connectTarget('tcp:host=localhost,port=1'))).toBe('bad-address');
  });
});

describe('escaping', () => {
  it('escapes what the specification does not allow bare, and round-trips', () => {
    const path = '/tmp/a b,c;d=é/x-y_z.sock';
    expect(escapeDbusAddressValue(path)).toBe('/tmp/a%20b%2cc%3bd%3d%c3%a9/x-y_z.sock');
    expect(parseDbusAddress(unixPathAddress(path))).toEqual([{ kind: 'unix-path', path }]);
  });
});
