import { describe, expect, it } from 'vitest';
import { parseAdminStatus } from '../../../daemon-bridge/helper/ostree-admin-status.ts';

const A = '0c64c6d18902d2b8d7790fa37adaee23d8eaeaac0947b1593348ac37448ea1b0';
const B = 'c7053928b302c7e4fc286eab370135d3636d489a93833c7dbb7b0673ab4cf808';
const C = 'e122a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7c784';

describe('parseAdminStatus', () => {
  it('lists deployments in the order ostree indexes them, with pins and flags', () => {
    const text = [
      `  fedora ${C}.0 (staged)`,
      '    Version: 43.20260201.0',
      `* fedora ${A}.0`,
      '    Version: 43.20260115.0',
      '    origin: <unknown origin type>',
      `  fedora-iot ${B}.1 (rollback)`,
      '    Version: 43.20260101.0',
      '    Pinned: yes',
      '    origin refspec: fedora:fedora/43/x86_64/silverblue',
      `  fedora ${B}.0 (finalization locked) (pending)`,
      '    Pinned: no',
      '',
    ].join('\n');
    expect(parseAdminStatus(text)).toEqual([
      { osname: 'fedora', checksum: C, serial: 0, booted: false, flags: ['staged'], pinned: false },
      { osname: 'fedora', checksum: A, serial: 0, booted: true, flags: [], pinned: false },
      {
        osname: 'fedora-iot',
        checksum: B,
        serial: 1,
        booted: false,
        flags: ['rollback'],
        pinned: true,
      },
      {
        osname: 'fedora',
        checksum: B,
        serial: 0,
        booted: false,
        flags: ['finalization locked', 'pending'],
        pinned: false,
      },
    ]);
  });

  it('reads "No deployments." and noise as an empty list', () => {
    expect(parseAdminStatus('No deployments.\n')).toEqual([]);
    expect(parseAdminStatus(`    Pinned: yes\n  fedora ${A.slice(1)}.0\n`)).toEqual([]);
  });
});
