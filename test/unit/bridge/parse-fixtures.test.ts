import { describe, expect, it } from 'vitest';
import { parseDeployment } from '../../../daemon-bridge/rpm-ostree/parse-deployment.ts';
import {
  parseSysrootProperties,
  toSystemState,
} from '../../../daemon-bridge/rpm-ostree/parse-sysroot.ts';
import { readFixtureSample } from '../../support/reference.ts';
import { deploymentToVardict, statusToSysrootGetAll } from '../../support/status-json-variants.ts';

type Status = {
  deployments: Record<string, unknown>[];
  transaction: [string, string, string] | null;
};

const load = (name: string) => JSON.parse(readFixtureSample(name)) as Status;

const noLayering = {
  layeredPackages: [],
  requestedPackages: [],
  requestedLocalPackages: [],
  requestedBaseRemovals: [],
  requestedBaseLocalReplacements: [],
  baseRemovals: [],
  baseLocalReplacements: [],
  signatureCount: 0,
  endOfLife: null,
  staged: false,
  finalizationLocked: false,
  unlocked: 'none',
  pinned: false,
} as const;

describe('parseDeployment on real status samples', () => {
  it('Fedora CoreOS 30 (2019, local ref origin, old empty-array rendering)', () => {
    const status = load('status-json__zincati-fixture__fcos30-testing-devel__2019.txt');
    const csum = 'ce718b90ce19c2cac07fa45efdce91aad208a508c98e9f7f572f5aaba76f569a';
    expect(parseDeployment(deploymentToVardict(status.deployments[0]!))).toEqual({
      ...noLayering,
      id: `fedora-coreos-${csum}.0`,
      osname: 'fedora-coreos',
      serial: 0,
      checksum: csum,
      baseChecksum: csum,
      version: '30.1',
      baseVersion: '30.1',
      timestamp: 1561753297,
      origin: { kind: 'ref', refspec: 'fedora/x86_64/coreos/testing-devel' },
      booted: true,
      gpgEnabled: false,
    });
  });

  it('RHEL for Edge 8 (2021, remote:ref origin, no version)', () => {
    const status = load('status-json__insights-core__rhel8-edge__2021.txt');
    const csum = 'f0c0294860db563e5906db8c9f257d2bfebe40c93e0320b0e380b879f545e267';
    expect(parseDeployment(deploymentToVardict(status.deployments[0]!))).toEqual({
      ...noLayering,
      id: `rhel-${csum}.0`,
      osname: 'rhel',
      serial: 0,
      checksum: csum,
      baseChecksum: csum,
      version: null,
      baseVersion: null,
      timestamp: 1614717652,
      origin: { kind: 'ref', refspec: 'edge:rhel/8/x86_64/edge' },
      booted: true,
      gpgEnabled: false,
    });
  });

  it('Fedora CoreOS 43 (2025, signed container image origin, no origin key)', () => {
    const status = load('status-json__zincati-fixture__fcos43-container-update-driver__2025.txt');
    const csum = '36ff46d732a070a1bf10f7157f764e316f99a836dcdbf56702798e5042411fe9';
    expect(parseDeployment(deploymentToVardict(status.deployments[0]!))).toEqual({
      ...noLayering,
      id: `fedora-coreos-${csum}.0`,
      osname: 'fedora-coreos',
      serial: 0,
      checksum: csum,
      baseChecksum: csum,
      version: '43.20251024.3.0',
      baseVersion: '43.20251024.3.0',
      timestamp: 1762837557,
      origin: {
        kind: 'container',
        reference: 'ostree-image-signed:docker://quay.io/fedora/fedora-coreos:stable',
        digest: 'sha256:ca99893c80a7b84dd84d4143bd27538207c2f38ab6647a58d9c8caa251f9a087',
      },
      booted: true,
      gpgEnabled: null,
    });
  });
});

describe('parseSysrootProperties on a real sample', () => {
  it('builds the whole system state with roles', () => {
    const status = load('status-json__zincati-fixture__fcos43-container-update-driver__2025.txt');
    const state = toSystemState(parseSysrootProperties(statusToSysrootGetAll(status)), null, 1000);
    const id = 'fedora-coreos-36ff46d732a070a1bf10f7157f764e316f99a836dcdbf56702798e5042411fe9.0';
    expect({ ...state, deployments: state.deployments.map((d) => d.id) }).toEqual({
      sysrootPath: '/',
      bootedOsname: 'fedora-coreos',
      deployments: [id],
      bootedId: id,
      pendingId: null,
      rollbackId: null,
      automaticUpdatePolicy: 'none',
      activeTransaction: null,
      cachedUpdate: null,
      bootOptions: [],
      readAt: 1000,
    });
  });
});
