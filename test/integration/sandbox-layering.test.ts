import type { MessageBus } from 'dbus-next';
import * as dbus from 'dbus-next';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DBusCallError } from '../../daemon-bridge/dbus/call.ts';
import { connectPeer } from '../../daemon-bridge/dbus/p2p/index.ts';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { readTransactionInfo } from '../../daemon-bridge/rpm-ostree/transaction/transaction-calls.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { rebootSandbox } from '../../sandbox/sysroot/sandbox-reboot.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import { startSandboxWithClient, stopSandboxWithClient } from '../support/sandbox-client.ts';
import { osCall, reloadOs, runSandboxTransaction, val } from '../support/sandbox-transactions.ts';
import type { Dict } from '../support/sandbox-transactions.ts';

const as = (v: string[]) => new dbus.Variant('as', v);
const b = (v: boolean) => new dbus.Variant('b', v);
const NO_PULL = { 'no-pull-base': b(true) };
const TOOLBOX = ['toolbox-0.3-1.fc43.x86_64', 'toolbox', 0n, '0.3', '1.fc43', 'x86_64'];

/** A package dict of Search/GetPackages/WhatProvides, unwrapped. */
const plain = (d: Dict) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.value]));

describe('sandbox layering: PkgChange, UpdateDeployment, package queries', () => {
  const dir = sandboxTempDir('sbx-layering');
  let sandbox: RunningSandbox;
  let bus: MessageBus;

  /** Runs a transaction; `title` is the one set at execution, read by a second peer afterwards. */
  const run = async (member: string, signature: string, body: unknown[]) => {
    const [address] = (await osCall(bus, member, signature, body)) as [string];
    const watcher = await connectPeer(address);
    try {
      const { outcome, events } = await runSandboxTransaction(address);
      const { title } = await readTransactionInfo(watcher, RPM_OSTREE, 5_000, () => undefined);
      const messages = events.flatMap((e) => (e.kind === 'message' ? [e.text] : []));
      return { ...outcome, title, messages, os: await reloadOs(bus) };
    } finally {
      watcher.close();
    }
  };
  const pkgChange = (added: string[], removed: string[], options: Dict = {}) =>
    run('PkgChange', 'a{sv}asas', [options, added, removed]);
  const update = (modifiers: Dict, options: Dict = NO_PULL) =>
    run('UpdateDeployment', 'a{sv}a{sv}', [modifiers, options]);
  const pending = (os: Dict) => val<Dict>(os, 'DefaultDeployment');
  /** The deployment's checkout: DIR/sysroot/ostree/deploy/fedora/deploy/<checksum>.<serial>. */
  const root = (d: Dict, path: string) =>
    join(
      dir.path,
      'sysroot/ostree/deploy/fedora/deploy',
      `${val<string>(d, 'checksum')}.${val<number>(d, 'serial')}`,
      path,
    );
  /** Names the booted → pending rpm diff adds. */
  const added = async (os: Dict) => {
    const [diff] = (await osCall(bus, 'GetDeploymentsRpmDiff', 'ss', [
      val<string>(val<Dict>(os, 'BootedDeployment'), 'id'),
      val<string>(pending(os), 'id'),
    ])) as [[string, number][]];
    return diff.filter(([, type]) => type === 0).map(([name]) => name);
  };

  beforeAll(async () => {
    ({ sandbox, bus } = await startSandboxWithClient(dir.path));
  }, 60_000);
  afterAll(async () => {
    await stopSandboxWithClient({ sandbox, bus });
    await dir.remove();
  });

  it('Search, GetPackages, WhatProvides and ListRepos answer from the repositories', async () => {
    const search = async (terms: string[]) => {
      const [hits] = (await osCall(bus, 'Search', 'as', [terms])) as [Dict[]];
      return hits.map((h) => `${val<string>(h, 'key').slice(-1)}:${val<string>(h, 'name')}`);
    };
    const vims = ['neovim', 'vim-common', 'vim-enhanced', 'vim-filesystem', 'vim-minimal'];
    expect(await search(['VIM'])).toEqual(
      ['a', 'b', 'c'].flatMap((g) => vims.map((n) => `${g}:${n}`)),
    );
    expect(await search(['terminal', 'multiplexer'])).toEqual(['a:tmux', 'c:tmux']);
    expect(await search(['fuse?-*'])).toEqual(['b:fuse3-libs']);
    const empty = await osCall(bus, 'Search', 'as', [[]]).catch((e: unknown) => e as DBusCallError);
    expect(empty).toMatchObject({
      errorName: 'org.freedesktop.DBus.Error.Failed',
      text: 'Must specify a term for search',
    });
    const [packages] = (await osCall(bus, 'GetPackages', 'as', [['tmux', 'nope']])) as [Dict[]];
    expect(packages.map(plain)).toEqual([
      {
        key: 'tmux',
        name: 'tmux',
        epoch: 0n,
        version: '3.5a',
        arch: 'x86_64',
        nevra: 'tmux-3.5a-5.fc43.x86_64',
        evr: '3.5a-5.fc43',
        summary: 'A terminal multiplexer',
        reponame: 'updates',
      },
    ]);
    const [providers] = (await osCall(bus, 'WhatProvides', 'as', [
      ['/usr/bin/perl', 'libevent_core-2.1.so.7()(64bit)', 'vim'],
    ])) as [Dict[]];
    expect(providers.map((p) => val<string>(p, 'nevra'))).toEqual([
      'libevent-2.1.12-16.fc43.x86_64',
      'perl-interpreter-4:5.42.0-419.fc43.x86_64',
      'vim-enhanced-2:9.1.1882-1.fc43.x86_64',
    ]);
    const [repos] = (await osCall(bus, 'ListRepos')) as [Dict[]];
    expect(repos.map((r) => [val(r, 'id'), val(r, 'is-enabled')])).toEqual([
      ['fedora', true],
      ['updates', true],
    ]);
  });

  it('invalid requests fail with the daemon’s texts and leave the deployments alone', async () => {
    const before = (await reloadOs(bus)).DefaultDeployment;
    const failures = [
      [await pkgChange(['htop'], []), "Package/capability 'htop' is already requested"],
      [
        await pkgChange(['firefox'], []),
        '"firefox" is already provided by: firefox-147.0-1.fc43.x86_64. Use --allow-inactive to explicitly require it.',
      ],
      [await pkgChange([], ['tmux']), "Package/capability 'tmux' is not currently requested"],
      [await pkgChange(['no-such-package'], []), 'Packages not found: no-such-package'],
      [
        await pkgChange(['v4l2loopback'], []),
        'Could not depsolve transaction; 1 problem detected:\n Problem: conflicting requests\n  - nothing provides kmod-v4l2loopback needed by v4l2loopback-0.15.1-1.fc43.x86_64 from updates',
      ],
      [await update({ 'override-remove-packages': as(['nope']) }), 'Package "nope" not found'],
      [
        await update({ 'override-reset-packages': as(['toolbox']) }),
        "No overrides for package 'toolbox'",
      ],
      [
        await update({ 'override-replace-packages': as(['toolbox']) }),
        'Non-local replacement overrides not implemented yet',
      ],
      [
        await update({ 'override-remove-packages': as(['toolbox']) }, { 'no-overrides': b(true) }),
        "Can't specify no-overrides if setting override modifiers",
      ],
    ] as const;
    for (const [outcome, text] of failures)
      expect(outcome).toMatchObject({ success: false, message: text });
    const same = await pkgChange(['htop'], [], { 'idempotent-layering': b(true) });
    expect(same).toMatchObject({ success: true, title: 'install; install: 1' });
    expect(same.messages).toContain('No change.');
    expect(same.os.DefaultDeployment).toEqual(before);
  }, 60_000);

  it('PkgChange layers a package with its dependency chain; its files are in the pending deployment', async () => {
    const r = await pkgChange(['vim-enhanced'], []);
    expect(r).toMatchObject({ success: true, title: 'install; install: 1' });
    const p = pending(r.os);
    expect([val(p, 'staged'), val(p, 'requested-packages'), val(p, 'packages')]).toEqual([
      true,
      ['htop', 'vim-enhanced'],
      ['htop', 'vim-enhanced'],
    ]);
    expect(await added(r.os)).toEqual(['vim-common', 'vim-enhanced', 'vim-filesystem']);
    for (const f of ['usr/bin/vim', 'usr/bin/xxd', 'usr/share/vim/vimfiles/.keep', 'usr/bin/htop'])
      expect(existsSync(root(p, f)), f).toBe(true);
  }, 30_000);

  it('a dependency the base provides is not layered again', async () => {
    const r = await pkgChange(['git'], []);
    expect(r).toMatchObject({ success: true });
    expect(val(pending(r.os), 'requested-packages')).toEqual(['git', 'htop', 'vim-enhanced']);
    // git-core needs openssh-clients, which the base has.
    expect(await added(r.os)).toEqual([
      'git',
      'git-core',
      'less',
      'perl-interpreter',
      'perl-libs',
      'vim-common',
      'vim-enhanced',
      'vim-filesystem',
    ]);
  }, 30_000);

  it('uninstalling removes the package, its dependencies and its files', async () => {
    const r = await pkgChange([], ['vim-enhanced']);
    expect(r).toMatchObject({ success: true, title: 'uninstall; uninstall: 1' });
    expect(val(pending(r.os), 'packages')).toEqual(['git', 'htop']);
    expect(await added(r.os)).not.toContain('vim-common');
    expect(existsSync(root(pending(r.os), 'usr/bin/vim'))).toBe(false);
    expect(existsSync(root(pending(r.os), 'usr/bin/git'))).toBe(true);
  }, 30_000);

  it('override-remove takes a base package out of the tree; override-reset brings it back', async () => {
    const r = await update({ 'override-remove-packages': as(['toolbox']) });
    expect(r).toMatchObject({ success: true, title: 'override' });
    const p = pending(r.os);
    expect(val(p, 'requested-base-removals')).toEqual(['toolbox']);
    expect(val<dbus.Variant<unknown>[]>(p, 'base-removals').map((v) => v.value)).toEqual([TOOLBOX]);
    expect(val(p, 'packages')).toEqual(['git', 'htop']);
    expect(existsSync(root(p, 'usr/bin/toolbox'))).toBe(false);
    expect(existsSync(root(p, 'usr/share/doc/toolbox'))).toBe(false);
    expect(existsSync(root(p, 'usr/bin/git'))).toBe(true);
    expect(await update({ 'override-remove-packages': as(['toolbox']) })).toMatchObject({
      success: false,
      message: "Override already exists for package 'toolbox'",
    });

    const reset = await update({ 'override-reset-packages': as(['toolbox-0.3-1.fc43.x86_64']) });
    expect(reset).toMatchObject({ success: true, title: 'override' });
    expect(val(pending(reset.os), 'base-removals')).toEqual([]);
    expect(existsSync(root(pending(reset.os), 'usr/bin/toolbox'))).toBe(true);
  }, 30_000);

  it('allow-inactive keeps a request the base provides without layering it; dry-run stops early', async () => {
    const r = await pkgChange(['firefox'], [], { 'allow-inactive': b(true) });
    expect(r).toMatchObject({ success: true });
    expect(r.messages).toEqual(
      expect.arrayContaining([
        'Inactive requests:',
        '  firefox (already provided by firefox-147.0-1.fc43.x86_64)',
      ]),
    );
    expect([val(pending(r.os), 'requested-packages'), val(pending(r.os), 'packages')]).toEqual([
      ['firefox', 'git', 'htop'],
      ['git', 'htop'],
    ]);
    const dry = await pkgChange(['zsh'], [], { 'dry-run': b(true) });
    expect(dry).toMatchObject({ success: true });
    expect(dry.messages).toEqual(expect.arrayContaining(['  zsh-5.9-17.fc43.x86_64 (fedora)']));
    expect(dry.os.DefaultDeployment).toEqual(r.os.DefaultDeployment);
  }, 30_000);

  it('after the reboot the layered packages are in the booted deployment', async () => {
    await rebootSandbox(sandboxLayout(dir.path));
    const booted = val<Dict>(await reloadOs(bus), 'BootedDeployment');
    expect(val(booted, 'packages')).toEqual(['git', 'htop']);
    expect(existsSync(root(booted, 'usr/bin/git'))).toBe(true);
  }, 30_000);

  it('UpdateDeployment pulls the base unless no-pull-base; no-layering and no-overrides reset', async () => {
    const r = await update(
      { 'install-packages': as(['zsh']), 'override-remove-packages': as(['gnome-tour', 'bootc']) },
      {},
    );
    // gnome-tour is not in this base: the daemon resolves removals against it.
    expect(r).toMatchObject({ success: false, message: 'Package "gnome-tour" not found' });
    const ok = await update({ 'install-packages': as(['zsh']) }, {});
    expect(ok).toMatchObject({ success: true, title: 'upgrade; install: 1' });
    expect(val(pending(ok.os), 'packages')).toEqual(['git', 'htop', 'zsh']);

    const reset = await update({}, { 'no-layering': b(true), 'no-overrides': b(true), ...NO_PULL });
    expect(reset).toMatchObject({ success: true, title: 'override' });
    const p = pending(reset.os);
    expect([val(p, 'requested-packages'), val(p, 'packages'), 'base-checksum' in p]).toEqual([
      [],
      [],
      false,
    ]);
    expect(val(p, 'checksum')).toBe(val(val<Dict>(reset.os, 'BootedDeployment'), 'base-checksum'));
    expect(existsSync(root(p, 'usr/bin/htop'))).toBe(false);
  }, 30_000);
});
