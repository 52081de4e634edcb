import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { parseDeployment } from '../../../daemon-bridge/rpm-ostree/parse-deployment.ts';
import {
  applySysrootChanges,
  deploymentRoles,
  parseSysrootProperties,
} from '../../../daemon-bridge/rpm-ostree/parse-sysroot.ts';
import { parseErrorOf } from '../../support/parse-error.ts';
import type { Deployment } from '../../../daemon-bridge/contract/domain.ts';

const minimal = () => ({
  id: new Variant('s', 'fedora-abc.0'),
  osname: new Variant('s', 'fedora'),
  serial: new Variant('i', 0),
  checksum: new Variant('s', 'abc'),
  booted: new Variant('b', true),
});

describe('parseDeployment rejects malformed dictionaries, naming the key', () => {
  it.each(['id', 'osname', 'serial', 'checksum', 'booted'])('missing %s', (key) => {
    const dict: Record<string, Variant> = minimal();
    delete dict[key];
    expect(parseErrorOf(() => parseDeployment(dict))).toEqual({
      key: `deployment.${key}`,
      reason: 'required key is missing',
    });
  });

  it('a key with the wrong type', () => {
    const dict = { ...minimal(), timestamp: new Variant('s', 'yesterday') };
    expect(parseErrorOf(() => parseDeployment(dict))).toEqual({
      key: 'deployment.timestamp',
      reason: "expected type 't', got 's'",
    });
  });

  it('a value that is not a variant', () => {
    expect(parseErrorOf(() => parseDeployment({ ...minimal(), packages: ['htop'] }))).toEqual({
      key: 'deployment.packages',
      reason: 'expected a variant',
    });
  });

  it('a malformed base-removals tuple', () => {
    const dict = {
      ...minimal(),
      'base-removals': new Variant('av', [new Variant('(sstsss)', ['a', 'b'])]),
    };
    expect(parseErrorOf(() => parseDeployment(dict)).key).toBe('deployment.base-removals[0]');
  });

  it('a 64-bit value beyond what JavaScript numbers hold exactly', () => {
    const dict = { ...minimal(), timestamp: new Variant('t', 2n ** 60n) };
    expect(parseErrorOf(() => parseDeployment(dict))).toEqual({
      key: 'deployment.timestamp',
      reason: 'integer out of safe range',
    });
  });

  it('ignores unknown keys and reads layered state', () => {
    const dict = {
      ...minimal(),
      'some-future-key': new Variant('s', 'x'),
      'base-checksum': new Variant('s', 'base'),
      'base-version': new Variant('s', '41.1'),
      packages: new Variant('as', ['htop']),
      'base-removals': new Variant('av', [
        new Variant('(sstsss)', ['nano-7.2-1.fc41.x86_64', 'nano', 0n, '7.2', '1.fc41', 'x86_64']),
      ]),
    };
    const parsed = parseDeployment(dict);
    expect({
      base: parsed.baseChecksum,
      baseVersion: parsed.baseVersion,
      layered: parsed.layeredPackages,
      removed: parsed.baseRemovals,
    }).toEqual({
      base: 'base',
      baseVersion: '41.1',
      layered: ['htop'],
      removed: [
        {
          nevra: 'nano-7.2-1.fc41.x86_64',
          name: 'nano',
          epoch: 0,
          version: '7.2',
          release: '1.fc41',
          arch: 'x86_64',
        },
      ],
    });
  });
});

describe('Sysroot properties', () => {
  const all = () => ({
    Path: new Variant('s', '/'),
    Booted: new Variant('o', '/org/projectatomic/rpmostree1/fedora'),
    Deployments: new Variant('aa{sv}', [minimal()]),
    AutomaticUpdatePolicy: new Variant('s', 'stage'),
    ActiveTransaction: new Variant('(sss)', ['', '', '']),
    ActiveTransactionPath: new Variant('s', ''),
  });

  it('a missing property is a ParseError naming it', () => {
    const props: Record<string, Variant> = all();
    delete props.Deployments;
    expect(parseErrorOf(() => parseSysrootProperties(props)).key).toBe('Sysroot.Deployments');
  });

  it('a bad deployment inside the array names its index', () => {
    const props = { ...all(), Deployments: new Variant('aa{sv}', [minimal(), {}]) };
    expect(parseErrorOf(() => parseSysrootProperties(props)).key).toBe(
      'Sysroot.Deployments[1].checksum',
    );
  });

  it('applies PropertiesChanged for a transaction starting and ending', () => {
    const base = parseSysrootProperties(all());
    const started = applySysrootChanges(base, {
      ActiveTransaction: new Variant('(sss)', ['Upgrade', ':1.42', '/org/x/fedora']),
      ActiveTransactionPath: new Variant('s', 'unix:path=/run/rpm-ostree-transaction.sock'),
    });
    expect(started.activeTransaction).toEqual({
      method: 'Upgrade',
      initiator: ':1.42',
      osPath: '/org/x/fedora',
      address: 'unix:path=/run/rpm-ostree-transaction.sock',
    });
    const ended = applySysrootChanges(started, {
      ActiveTransaction: new Variant('(sss)', ['', '', '']),
      ActiveTransactionPath: new Variant('s', ''),
    });
    expect(ended).toEqual(base);
  });
});

describe('deploymentRoles follows libostree per osname', () => {
  const dep = (id: string, osname: string, booted = false) =>
    ({ id, osname, booted }) as unknown as Deployment;

  it('pending before booted, rollback after, other osnames skipped', () => {
    expect(
      deploymentRoles([
        dep('other-new', 'other'),
        dep('pending', 'fedora'),
        dep('booted', 'fedora', true),
        dep('other-old', 'other'),
        dep('rollback', 'fedora'),
        dep('older', 'fedora'),
      ]),
    ).toEqual({ bootedId: 'booted', pendingId: 'pending', rollbackId: 'rollback' });
  });

  it('no booted deployment → no roles', () => {
    expect(deploymentRoles([dep('a', 'fedora'), dep('b', 'fedora')])).toEqual({
      bootedId: null,
      pendingId: null,
      rollbackId: null,
    });
  });
});
