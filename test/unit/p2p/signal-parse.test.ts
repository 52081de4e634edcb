import * as dbus from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { parseTransactionSignal } from '../../../daemon-bridge/rpm-ostree/transaction/parse-signal.ts';

const sig15 = (fingerprint: string) =>
  new dbus.Variant('(bbbbbsxxsssssxx)', [
    true,
    false,
    true,
    false,
    false,
    fingerprint,
    1_700_000_000n,
    1_800_000_000n,
    'RSA',
    'SHA256',
    'Fedora',
    'fedora@example.org',
    'PRIMARY',
    0n,
    0n,
  ]);
const sig13 = new dbus.Variant('(bbbbbsxxsssss)', [
  false,
  true,
  false,
  true,
  true,
  'OLD',
  1_400_000_000n,
  0n,
  '',
  '',
  '[unknown name]',
  '[unknown email]',
  '',
]);

describe('parseTransactionSignal: well-formed bodies', () => {
  it('turns every signal into a plain typed event', () => {
    const events = [
      ['Message', 's', ['Receiving objects']],
      ['TaskBegin', 's', ['Scanning metadata']],
      ['TaskEnd', 's', ['done']],
      ['PercentProgress', 'su', ['Importing packages (2/3)', 0]],
      ['SignatureProgress', 'avs', [[sig15('FP15'), sig13], 'abc123']],
      ['SignatureProgress', 'avs', [[], 'unsigned']],
      ['ProgressEnd', '', []],
      ['Finished', 'bs', [false, 'error: Packages not found: foo']],
      ['Finished', 'bs', [true, '']],
    ].map(([member, signature, body]) =>
      parseTransactionSignal({
        member: member as string,
        signature: signature as string,
        body: body as unknown[],
      }),
    );
    expect(events).toEqual([
      { kind: 'message', text: 'Receiving objects' },
      { kind: 'task-begin', text: 'Scanning metadata' },
      { kind: 'task-end', text: 'done' },
      { kind: 'percent-progress', text: 'Importing packages (2/3)', percentage: 0 },
      {
        kind: 'signature-progress',
        commit: 'abc123',
        signatures: [
          {
            valid: true,
            signatureExpired: false,
            keyExpired: true,
            keyRevoked: false,
            keyMissing: false,
            fingerprint: 'FP15',
            timestamp: 1_700_000_000,
            expiresAt: 1_800_000_000,
            userName: 'Fedora',
            userEmail: 'fedora@example.org',
          },
          {
            valid: false,
            signatureExpired: true,
            keyExpired: false,
            keyRevoked: true,
            keyMissing: true,
            fingerprint: 'OLD',
            timestamp: 1_400_000_000,
            expiresAt: 0,
            userName: '[unknown name]',
            userEmail: '[unknown email]',
          },
        ],
      },
      { kind: 'signature-progress', commit: 'unsigned', signatures: [] },
      { kind: 'progress-end' },
      { kind: 'finished', success: false, message: 'error: Packages not found: foo' },
      { kind: 'finished', success: true, message: '' },
    ]);
  });

  it('ignores members it does not know (a newer daemon may add some)', () => {
    expect(parseTransactionSignal({ member: 'FutureSignal', signature: 's', body: ['x'] })).toBe(
      undefined,
    );
  });
});
