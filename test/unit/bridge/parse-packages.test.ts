import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { parseBootConfig } from '../../../daemon-bridge/rpm-ostree/parse-boot-config.ts';
import { parseSearchResult } from '../../../daemon-bridge/rpm-ostree/parse-package-info.ts';
import { parseErrorKey } from '../../support/parse-error.ts';

/** A Search entry as rpm-ostreed builds it (os_add_package_info_to_builder). */
const entry = (name: string, key: string, extra: Record<string, Variant> = {}) => ({
  name: new Variant('s', name),
  epoch: new Variant('t', 0n),
  version: new Variant('s', '3.4.1'),
  arch: new Variant('s', 'x86_64'),
  nevra: new Variant('s', `${name}-3.4.1-2.fc43.x86_64`),
  evr: new Variant('s', '3.4.1-2.fc43'),
  summary: new Variant('s', 'Interactive process viewer'),
  reponame: new Variant('s', 'updates'),
  key: new Variant('s', key),
  ...extra,
});

describe('parseSearchResult', () => {
  it('keeps the daemon order, each package once in its best group', () => {
    expect(
      parseSearchResult([
        entry('htop', 'match_group_a'),
        entry('htop', 'match_group_b'),
        entry('btop', 'match_group_c', { summary: new Variant('s', 'Resource monitor') }),
      ]),
    ).toEqual([
      {
        name: 'htop',
        epoch: 0,
        version: '3.4.1',
        arch: 'x86_64',
        nevra: 'htop-3.4.1-2.fc43.x86_64',
        evr: '3.4.1-2.fc43',
        summary: 'Interactive process viewer',
        repo: 'updates',
        match: 'name-and-summary',
      },
      {
        name: 'btop',
        epoch: 0,
        version: '3.4.1',
        arch: 'x86_64',
        nevra: 'btop-3.4.1-2.fc43.x86_64',
        evr: '3.4.1-2.fc43',
        summary: 'Resource monitor',
        repo: 'updates',
        match: 'summary',
      },
    ]);
  });

  it('tolerates the keys libdnf leaves out when NULL', () => {
    const e: Record<string, Variant> = entry('x', 'match_group_b');
    delete e.summary;
    delete e.reponame;
    expect(parseSearchResult([e])[0]).toMatchObject({ summary: null, repo: null });
  });

  it('names the key of a malformed reply', () => {
    expect(parseErrorKey(() => parseSearchResult({}))).toBe('Search');
    expect(parseErrorKey(() => parseSearchResult([entry('x', 'match_group_z')]))).toBe(
      'Search[0].key',
    );
    expect(
      parseErrorKey(() =>
        parseSearchResult([entry('x', 'match_group_a', { name: new Variant('i', 1) })]),
      ),
    ).toBe('Search[0].name');
    expect(
      parseErrorKey(() =>
        parseSearchResult([entry('x', 'match_group_a', { epoch: new Variant('t', 2n ** 60n) })]),
      ),
    ).toBe('Search[0].epoch');
    expect(parseErrorKey(() => parseSearchResult([['not', 'a', 'dict']]))).toBe('Search[0]');
  });
});

describe('parseBootConfig', () => {
  it('reads a staged entry (options only) and a written one', () => {
    expect(
      parseBootConfig({ staged: new Variant('b', true), options: new Variant('s', 'rhgb quiet') }),
    ).toEqual({ staged: true, options: 'rhgb quiet', title: null, version: null });
    expect(
      parseBootConfig({
        staged: new Variant('b', false),
        options: new Variant('s', 'quiet'),
        title: new Variant('s', 'Fedora Linux 43 (Silverblue)'),
        version: new Variant('s', '2'),
        linux: new Variant('s', '/ostree/fedora-x/vmlinuz'),
      }),
    ).toMatchObject({ staged: false, title: 'Fedora Linux 43 (Silverblue)', version: '2' });
  });

  it('refuses a reply without options', () => {
    expect(parseErrorKey(() => parseBootConfig({ staged: new Variant('b', false) }))).toBe(
      'GetDeploymentBootConfig.options',
    );
  });
});
