import * as dbus from 'dbus-next';
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gvariantText } from '../../sandbox/gvariant/text.ts';
import { CommitStore } from '../../sandbox/sysroot/commits.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';

/**
 * The sandbox reads commit objects itself (GVariant binary format). Round
 * trip through the real ostree: metadata written with `ostree commit
 * --add-metadata` must decode to exactly the values that were written,
 * including containers big enough for 4-byte framing offsets.
 */
describe('commit objects written by ostree decode to what was written', () => {
  const dir = sandboxTempDir('sbx-gvariant');
  afterAll(() => dir.remove());

  const row = (i: number) => [
    `package-with-a-long-name-${i}`,
    String(i % 3),
    `${i}.${i % 7}.${i % 11}`,
    `${i % 5}.fc43`,
    i % 2 ? 'x86_64' : 'noarch',
  ];
  const metadata: Record<string, dbus.Variant> = {
    'test.y': new dbus.Variant('y', 250),
    'test.b': new dbus.Variant('b', true),
    'test.n': new dbus.Variant('n', -1234),
    'test.q': new dbus.Variant('q', 65000),
    'test.i': new dbus.Variant('i', -100000),
    'test.u': new dbus.Variant('u', 4000000000),
    'test.x': new dbus.Variant('x', -(2n ** 40n)),
    'test.t': new dbus.Variant('t', 2n ** 63n + 5n),
    'test.d': new dbus.Variant('d', -1.5),
    'test.s': new dbus.Variant('s', "it's \\ “quoted”\nand tabbed\t"),
    'test.o': new dbus.Variant('o', '/org/projectatomic/rpmostree1/fedora'),
    'test.g': new dbus.Variant('g', 'a{sv}'),
    'test.ay': new dbus.Variant('ay', Buffer.from([0, 1, 2, 255])),
    'test.as': new dbus.Variant('as', ['', 'a', 'bc']),
    'test.av': new dbus.Variant('av', [
      new dbus.Variant('s', 'x'),
      new dbus.Variant('t', 7n),
      new dbus.Variant('a{sv}', { k: new dbus.Variant('b', false) }),
    ]),
    'test.fixed-tuples': new dbus.Variant('a(ut)', [
      [1, 2n],
      [3, 4n],
    ]),
    'test.tuple': new dbus.Variant('(sxas)', ['s', -1n, ['a']]),
    'test.dict': new dbus.Variant('a{ss}', { a: 'b', c: '' }),
    'test.maybe': new dbus.Variant('(msmums)', ['just', 9, null]),
    'test.nested': new dbus.Variant('aa{sv}', [
      { id: new dbus.Variant('s', 'fedora'), timestamp: new dbus.Variant('t', 1n) },
      {},
    ]),
    'test.empty': new dbus.Variant('a{sv}', {}),
    'test.big1': new dbus.Variant(
      'a(sssss)',
      Array.from({ length: 900 }, (_, i) => row(i)),
    ),
    'test.big2': new dbus.Variant(
      'a(sssss)',
      Array.from({ length: 900 }, (_, i) => row(i + 900)),
    ),
  };

  it('every type, small and large containers', async () => {
    const repo = join(dir.path, 'repo');
    const tree = join(dir.path, 'tree');
    mkdirSync(join(tree, 'usr'), { recursive: true });
    execFileSync('ostree', ['init', `--repo=${repo}`, '--mode=bare-user-only']);
    const checksum = execFileSync(
      'ostree',
      [
        'commit',
        `--repo=${repo}`,
        '--orphan',
        '--no-bindings',
        `--tree=dir=${tree}`,
        '--timestamp=2026-01-15T06:31:07Z',
        '--subject=a subject',
        ...Object.entries(metadata).map(
          ([k, v]) => `--add-metadata=${k}=${gvariantText(v.signature, v.value)}`,
        ),
      ],
      { encoding: 'utf8' },
    ).trim();
    const commit = await new CommitStore(repo).load(checksum);
    expect(commit.metadata).toEqual(metadata);
    expect({
      timestamp: commit.timestamp,
      subject: commit.subject,
      parent: commit.parent,
    }).toEqual({
      timestamp: BigInt(Date.parse('2026-01-15T06:31:07Z') / 1000),
      subject: 'a subject',
      parent: null,
    });
    // Large enough that the metadata dictionary needs 4-byte framing offsets.
    const object = join(repo, 'objects', checksum.slice(0, 2), `${checksum.slice(2)}.commit`);
    expect(statSync(object).size).toBeGreaterThan(65_535);
  });
});
