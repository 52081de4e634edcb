import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Variant } from 'dbus-next';
import { afterAll, describe, expect, it } from 'vitest';
import { uidLoginState } from '../../../sandbox/daemon/polkit/login-state.ts';
import { osActions, sysrootRule } from '../../../sandbox/daemon/polkit/polkit-actions.ts';

const a = (name: string) => `org.projectatomic.rpmostree1.${name}`;
const as = (xs: string[]) => new Variant('as', xs);
const b = (v: boolean) => new Variant('b', v);
const ah = (n: number) =>
  new Variant(
    'ah',
    Array.from({ length: n }, (_, i) => i),
  );

describe('the sandbox authorizes as rpm-ostreed (os_authorize_method, sysroot_authorize_method)', () => {
  it('OS methods: fixed actions, unguarded queries, unknown methods refused', () => {
    expect(osActions('Upgrade', [{}])).toEqual([a('upgrade')]);
    expect(osActions('AutomaticUpdateTrigger', [{}])).toEqual([a('upgrade')]);
    expect(osActions('FinalizeDeployment', [{}])).toEqual([a('finalize-deployment')]);
    expect(osActions('GetCachedUpdateRpmDiff', [''])).toEqual([a('repo-refresh')]);
    expect(osActions('InitramfsEtc', [])).toEqual([a('bootconfig')]);
    expect(osActions('WhatProvides', [[]])).toBeNull();
    expect(osActions('NoSuchMethod', [])).toEqual([]);
  });

  it('UpdateDeployment: typed lookups as g_variant_dict_lookup does them', () => {
    const actions = (modifiers: object, options: object = {}) =>
      osActions('UpdateDeployment', [modifiers, options]);
    // An `as` modifier counts when present, even empty; fd lists only when non-empty.
    expect(actions({ 'uninstall-packages': as([]) })).toEqual([
      a('upgrade'),
      a('install-uninstall-packages'),
    ]);
    expect(actions({ 'install-local-packages': ah(0) }, { 'no-pull-base': b(true) })).toEqual([
      a('override'),
    ]);
    expect(actions({ 'install-local-fileoverride-packages': ah(1) })).toEqual([
      a('upgrade'),
      a('install-local-packages'),
    ]);
    // A wrongly typed value is not found; `false` options do nothing.
    expect(
      actions({ 'set-refspec': new Variant('as', ['x']) }, { 'no-initramfs': b(false) }),
    ).toEqual([a('upgrade')]);
    expect(actions({ 'set-refspec': new Variant('s', 'fedora:x') })).toEqual([a('rebase')]);
    expect(
      actions({ 'override-replace-local-packages': ah(2) }, { 'no-pull-base': b(true) }),
    ).toEqual([a('override')]);
  });

  it('Sysroot: GetOS/Reload free, client management never interactive, the rest interactive', () => {
    expect(sysrootRule('GetOS')).toEqual({ kind: 'allowed' });
    expect(sysrootRule('Reload')).toEqual({ kind: 'allowed' });
    expect(sysrootRule('ReloadConfig')).toEqual({
      kind: 'check',
      action: a('reload-daemon'),
      allowUserInteraction: true,
      activeSessionAllowed: false,
    });
    expect(sysrootRule('UnregisterClient')).toEqual({
      kind: 'check',
      action: a('client-management'),
      allowUserInteraction: false,
      activeSessionAllowed: true,
    });
    expect(sysrootRule('Bogus')).toEqual({ kind: 'denied' });
  });
});

describe('sd_uid_get_state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oum-logind-users-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads STATE=, is "offline" without a file and null without a state', async () => {
    writeFileSync(join(dir, '1000'), '# This is private data.\nNAME=alice\nSTATE=active\n');
    writeFileSync(join(dir, '1001'), 'NAME=bob\n');
    expect(await uidLoginState(1000, dir)).toBe('active');
    expect(await uidLoginState(4242, dir)).toBe('offline');
    expect(await uidLoginState(1001, dir)).toBeNull();
  });
});
