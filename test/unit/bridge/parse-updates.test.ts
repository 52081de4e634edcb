import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { parseCachedUpdate } from '../../../daemon-bridge/rpm-ostree/parse-cached-update.ts';
import { parseRpmDiff } from '../../../daemon-bridge/rpm-ostree/parse-rpm-diff.ts';
import { changesFingerprint } from '../../../daemon-bridge/contract/updates.ts';
import type { PackageChange } from '../../../daemon-bridge/contract/updates.ts';
import { parseErrorKey } from '../../support/parse-error.ts';

const pkg = (name: string, evr: string) => new Variant('(sss)', [name, evr, 'x86_64']);

describe('parseRpmDiff (a(sua{sv}), 0 ADDED 1 REMOVED 2 UPGRADED 3 DOWNGRADED)', () => {
  it('reads every change type', () => {
    expect(
      parseRpmDiff([
        ['htop', 0, { NewPackage: pkg('htop', '3.3.0-1.fc43') }],
        ['nano', 1, { PreviousPackage: pkg('nano', '7.2-1.fc43') }],
        [
          'kernel',
          2,
          {
            PreviousPackage: pkg('kernel', '6.11.1-300.fc43'),
            NewPackage: pkg('kernel', '6.11.4-301.fc43'),
          },
        ],
        [
          'glibc',
          3,
          { PreviousPackage: pkg('glibc', '2.40-9.fc43'), NewPackage: pkg('glibc', '2.40-3.fc43') },
        ],
      ]),
    ).toEqual([
      {
        name: 'htop',
        kind: 'added',
        previous: null,
        next: { evr: '3.3.0-1.fc43', arch: 'x86_64' },
        layered: false,
      },
      {
        name: 'nano',
        kind: 'removed',
        previous: { evr: '7.2-1.fc43', arch: 'x86_64' },
        next: null,
        layered: false,
      },
      {
        name: 'kernel',
        kind: 'upgraded',
        previous: { evr: '6.11.1-300.fc43', arch: 'x86_64' },
        next: { evr: '6.11.4-301.fc43', arch: 'x86_64' },
        layered: false,
      },
      {
        name: 'glibc',
        kind: 'downgraded',
        previous: { evr: '2.40-9.fc43', arch: 'x86_64' },
        next: { evr: '2.40-3.fc43', arch: 'x86_64' },
        layered: false,
      },
    ]);
  });

  it('an unknown change type or a missing package names the place', () => {
    expect(parseErrorKey(() => parseRpmDiff([['x', 7, {}]]))).toBe('rpm-diff[0][1]');
    expect(parseErrorKey(() => parseRpmDiff([['x', 2, { NewPackage: pkg('x', '1-1') }]]))).toBe(
      'rpm-diff[0][2].PreviousPackage',
    );
    expect(parseErrorKey(() => parseRpmDiff({}))).toBe('rpm-diff');
  });
});

describe('parseCachedUpdate (reference §8.4)', () => {
  const cached = () => ({
    osname: new Variant('s', 'fedora'),
    checksum: new Variant('s', 'a'.repeat(64)),
    version: new Variant('s', '43.20260201.0'),
    timestamp: new Variant('t', 1769904000n),
    origin: new Variant('s', 'fedora:fedora/43/x86_64/silverblue'),
    'ref-has-new-commit': new Variant('b', true),
    'gpg-enabled': new Variant('b', false),
    'update-sha256': new Variant('s', 'b'.repeat(64)),
    'rpm-diff': new Variant('a{sv}', {
      upgraded: new Variant('a(us(ss)(ss))', [
        [0, 'kernel', ['6.11.1-300.fc43', 'x86_64'], ['6.11.4-301.fc43', 'x86_64']],
        [1, 'htop', ['3.3.0-1.fc43', 'x86_64'], ['3.4.0-1.fc43', 'x86_64']],
      ]),
      downgraded: new Variant('a(us(ss)(ss))', []),
      removed: new Variant('a(usss)', [[0, 'nano', '7.2-1.fc43', 'x86_64']]),
      added: new Variant('a(usss)', [[0, 'vim-minimal', '9.1-1.fc43', 'x86_64']]),
    }),
    advisories: new Variant('a(suuasa{sv})', [
      ['FEDORA-2026-low', 1, 1, ['nano-7.3-1.fc43.x86_64'], {}],
      [
        'FEDORA-2026-crit',
        1,
        4,
        ['kernel-6.11.4-301.fc43.x86_64'],
        {
          cve_references: new Variant('a(ss)', [
            ['https://bugzilla.redhat.com/1', 'CVE-2026-0001 kernel: use after free'],
          ]),
        },
      ],
    ]),
  });

  it('reads the whole dictionary; layered flag from the BASE/LAYER enum; advisories by severity', () => {
    const { changesId, ...parsed } = parseCachedUpdate(cached())!;
    expect(changesId).toMatch(/^[0-9a-f]{16}$/);
    expect(parsed).toEqual({
      osname: 'fedora',
      checksum: 'a'.repeat(64),
      version: '43.20260201.0',
      timestamp: 1769904000,
      origin: 'fedora:fedora/43/x86_64/silverblue',
      newBaseCommit: true,
      changeCount: 4,
      changes: [
        {
          name: 'vim-minimal',
          kind: 'added',
          previous: null,
          next: { evr: '9.1-1.fc43', arch: 'x86_64' },
          layered: false,
        },
        {
          name: 'nano',
          kind: 'removed',
          previous: { evr: '7.2-1.fc43', arch: 'x86_64' },
          next: null,
          layered: false,
        },
        {
          name: 'kernel',
          kind: 'upgraded',
          previous: { evr: '6.11.1-300.fc43', arch: 'x86_64' },
          next: { evr: '6.11.4-301.fc43', arch: 'x86_64' },
          layered: false,
        },
        {
          name: 'htop',
          kind: 'upgraded',
          previous: { evr: '3.3.0-1.fc43', arch: 'x86_64' },
          next: { evr: '3.4.0-1.fc43', arch: 'x86_64' },
          layered: true,
        },
      ],
      advisories: [
        {
          id: 'FEDORA-2026-crit',
          kind: 'security',
          severity: 'critical',
          packages: ['kernel-6.11.4-301.fc43.x86_64'],
          cves: [
            { url: 'https://bugzilla.redhat.com/1', title: 'CVE-2026-0001 kernel: use after free' },
          ],
        },
        {
          id: 'FEDORA-2026-low',
          kind: 'security',
          severity: 'low',
          packages: ['nano-7.3-1.fc43.x86_64'],
          cves: [],
        },
      ],
      stagedDeploymentId: null,
    });
  });

  it('names its rows by content: the same rows give the same changesId, any changed field another', () => {
    const update = parseCachedUpdate(cached())!;
    expect(parseCachedUpdate(cached())!.changesId).toBe(update.changesId);
    expect(changesFingerprint(update.changes)).toBe(update.changesId);
    const [first, ...rest] = update.changes;
    const variants: PackageChange[] = [
      { ...first!, name: 'vim-enhanced' },
      { ...first!, kind: 'upgraded', previous: { evr: '9.0-1.fc43', arch: 'x86_64' } },
      { ...first!, next: { evr: '9.1-2.fc43', arch: 'x86_64' } },
      { ...first!, next: { evr: '9.1-1.fc43', arch: 'aarch64' } },
      { ...first!, layered: true },
    ];
    const ids = new Set([update.changesId]);
    for (const variant of variants) ids.add(changesFingerprint([variant, ...rest]));
    ids.add(changesFingerprint(rest));
    expect(ids.size).toBe(variants.length + 2);
  });

  it('{} means no update', () => {
    expect(parseCachedUpdate({})).toBeNull();
  });

  it('malformed entries name their key', () => {
    const badType = {
      ...cached(),
      'rpm-diff': new Variant('a{sv}', {
        added: new Variant('a(usss)', [[3, 'x', '1', 'x86_64']]),
      }),
    };
    expect(parseErrorKey(() => parseCachedUpdate(badType))).toBe(
      'OS.CachedUpdate.rpm-diff.added[0][0]',
    );
    const noOrigin: Record<string, Variant> = cached();
    delete noOrigin.origin;
    expect(parseErrorKey(() => parseCachedUpdate(noOrigin))).toBe('OS.CachedUpdate.origin');
    const wrongAdvisories = { ...cached(), advisories: new Variant('as', ['x']) };
    expect(parseErrorKey(() => parseCachedUpdate(wrongAdvisories))).toBe(
      'OS.CachedUpdate.advisories',
    );
  });
});
