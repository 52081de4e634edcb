import { describe, expect, it } from 'vitest';
import { parseStatus, toSystemState } from '../../../daemon-bridge/apt-layer/parse-status.ts';
import { toAppError } from '../../../daemon-bridge/errors.ts';
import { parseErrorOf } from '../../support/parse-error.ts';

const BASE = 'a'.repeat(64);
const LAYER = 'b'.repeat(64);
const OLD = 'c'.repeat(64);

const deployment = (over: Record<string, unknown> = {}) => ({
  id: `debian-${LAYER}.0`,
  osname: 'debian',
  serial: 0,
  checksum: LAYER,
  base_checksum: BASE,
  version: '13.20260115.0',
  timestamp: 1768550000,
  origin: 'debian:debian/13/x86_64/desktop',
  booted: false,
  staged: true,
  pinned: false,
  packages: ['tmux'],
  ...over,
});

const reply = (over: Record<string, unknown> = {}) => ({
  version: 1,
  sysroot: '/tmp/m/sysroot',
  booted: `debian-${BASE}.0`,
  deployments: [
    deployment(),
    deployment({
      id: `debian-${BASE}.0`,
      checksum: BASE,
      booted: true,
      staged: false,
      packages: [],
    }),
    deployment({
      id: `debian-${OLD}.0`,
      checksum: OLD,
      base_checksum: OLD,
      version: null,
      timestamp: null,
      origin: null,
      staged: false,
      pinned: true,
      packages: [],
    }),
  ],
  transaction: { id: 'T1', operation: 'install', packages: ['tmux'], initiator: ':1.7' },
  ...over,
});

const text = (v: unknown) => JSON.stringify(v);

describe('apt-layer Status()', () => {
  it('parses the reply into deployments and the running transaction', () => {
    const status = parseStatus(text(reply()));
    expect(status).toEqual({
      sysrootPath: '/tmp/m/sysroot',
      bootedId: `debian-${BASE}.0`,
      transaction: { id: 'T1', operation: 'install', packages: ['tmux'], initiator: ':1.7' },
      deployments: [
        expect.objectContaining({
          id: `debian-${LAYER}.0`,
          serial: 0,
          checksum: LAYER,
          baseChecksum: BASE,
          version: '13.20260115.0',
          baseVersion: '13.20260115.0',
          timestamp: 1768550000,
          origin: { kind: 'ref', refspec: 'debian:debian/13/x86_64/desktop' },
          booted: false,
          staged: true,
          layeredPackages: ['tmux'],
          requestedPackages: ['tmux'],
        }) as unknown,
        expect.objectContaining({ booted: true, layeredPackages: [] }) as unknown,
        expect.objectContaining({
          version: null,
          timestamp: null,
          origin: { kind: 'unknown' },
          pinned: true,
        }) as unknown,
      ],
    });
  });

  it('fills in what apt-layer does not report as unknown, never as a guess', () => {
    const [d] = parseStatus(text(reply())).deployments;
    expect(d).toMatchObject({
      finalizationLocked: false,
      unlocked: 'unknown',
      gpgEnabled: null,
      signatureCount: 0,
      endOfLife: null,
      baseRemovals: [],
      requestedBaseRemovals: [],
    });
  });

  it('ignores unknown keys; packages and initiator of a transaction may be absent', () => {
    const status = parseStatus(
      text(reply({ extra: 1, transaction: { id: 'T2', operation: 'upgrade', more: true } })),
    );
    expect(status.transaction).toEqual({
      id: 'T2',
      operation: 'upgrade',
      packages: [],
      initiator: '',
    });
  });

  it('becomes a SystemState with libostree roles and the transaction as an apt-layer address', () => {
    const system = toSystemState(parseStatus(text(reply())), 1234);
    expect({ ...system, deployments: system.deployments.map((d) => d.id) }).toEqual({
      sysrootPath: '/tmp/m/sysroot',
      bootedOsname: 'debian',
      deployments: [`debian-${LAYER}.0`, `debian-${BASE}.0`, `debian-${OLD}.0`],
      bootedId: `debian-${BASE}.0`,
      pendingId: `debian-${LAYER}.0`,
      rollbackId: `debian-${OLD}.0`,
      automaticUpdatePolicy: 'unknown',
      activeTransaction: {
        method: 'Install',
        initiator: ':1.7',
        osPath: '',
        address: 'apt-layer:T1',
      },
      cachedUpdate: null,
      bootOptions: [],
      readAt: 1234,
    });
  });

  it('a system without a booted deployment has no roles and no transaction', () => {
    const system = toSystemState(
      parseStatus(
        text(
          reply({
            booted: null,
            deployments: [deployment({ booted: false })],
            transaction: null,
          }),
        ),
      ),
      0,
    );
    expect(system).toMatchObject({
      bootedOsname: null,
      bootedId: null,
      pendingId: null,
      rollbackId: null,
      activeTransaction: null,
    });
  });

  const firstDeployment = (over: Record<string, unknown>) =>
    reply({ deployments: [deployment(over)], booted: null });
  const withoutKey = (key: string) => {
    const d: Record<string, unknown> = deployment();
    delete d[key];
    return reply({ deployments: [d], booted: null });
  };
  const withoutTop = (key: string) => {
    const r: Record<string, unknown> = reply();
    delete r[key];
    return r;
  };

  it.each([
    ['not a string', 42, 'Status'],
    ['not JSON', '{"version":1,', 'Status'],
    ['a JSON array', '[]', 'Status'],
    ['no version', text(withoutTop('version')), 'Status.version'],
    ['another format version', text(reply({ version: 2 })), 'Status.version'],
    ['no sysroot', text(withoutTop('sysroot')), 'Status.sysroot'],
    ['no deployments', text(withoutTop('deployments')), 'Status.deployments'],
    ['deployments not a list', text(reply({ deployments: {} })), 'Status.deployments'],
    ['a deployment not an object', text(reply({ deployments: ['x'] })), 'Status.deployments[0]'],
    ['no transaction key', text(withoutTop('transaction')), 'Status.transaction'],
    ['no booted key', text(withoutTop('booted')), 'Status.booted'],
    ['booted naming no booted deployment', text(reply({ booted: 'nope' })), 'Status.booted'],
    ['booted null with one flagged', text(reply({ booted: null })), 'Status.booted'],
    ['missing checksum', text(withoutKey('checksum')), 'Status.deployments[0].checksum'],
    [
      'missing base_checksum',
      text(withoutKey('base_checksum')),
      'Status.deployments[0].base_checksum',
    ],
    ['missing id', text(withoutKey('id')), 'Status.deployments[0].id'],
    ['missing packages', text(withoutKey('packages')), 'Status.deployments[0].packages'],
    ['missing staged', text(withoutKey('staged')), 'Status.deployments[0].staged'],
    ['serial as a string', text(firstDeployment({ serial: '0' })), 'Status.deployments[0].serial'],
    ['negative serial', text(firstDeployment({ serial: -1 })), 'Status.deployments[0].serial'],
    [
      'timestamp as text',
      text(firstDeployment({ timestamp: 'yesterday' })),
      'Status.deployments[0].timestamp',
    ],
    ['version a number', text(firstDeployment({ version: 13 })), 'Status.deployments[0].version'],
    ['pinned as "yes"', text(firstDeployment({ pinned: 'yes' })), 'Status.deployments[0].pinned'],
    [
      'a package not a string',
      text(firstDeployment({ packages: ['a', 1] })),
      'Status.deployments[0].packages[1]',
    ],
    ['empty checksum', text(firstDeployment({ checksum: '' })), 'Status.deployments[0].checksum'],
    ['transaction a string', text(reply({ transaction: 'T1' })), 'Status.transaction'],
    [
      'transaction without id',
      text(reply({ transaction: { operation: 'install' } })),
      'Status.transaction.id',
    ],
    [
      'unknown operation',
      text(reply({ transaction: { id: 'T', operation: 'rebase' } })),
      'Status.transaction.operation',
    ],
  ])('%s → a ParseError naming %s', (_what, raw, key) => {
    expect(parseErrorOf(() => parseStatus(raw)).key).toBe(key);
  });

  it('a malformed reply maps to a protocol error for the user, naming the key', () => {
    let error: unknown;
    try {
      parseStatus(text(firstDeployment({ serial: '0' })));
    } catch (err) {
      error = err;
    }
    expect(toAppError(error)).toEqual({
      kind: 'protocol',
      message:
        'Malformed daemon reply at Status.deployments[0].serial: expected a non-negative integer',
      detail: 'Status.deployments[0].serial',
    });
  });
});
