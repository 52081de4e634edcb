import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { DBusCallError } from '../../../daemon-bridge/dbus/call.ts';
import { toAppError } from '../../../daemon-bridge/errors.ts';
import {
  NotAuthorizedError,
  polkitActionsFor,
  withPolkitActions,
} from '../../../daemon-bridge/rpm-ostree/polkit-actions.ts';
import { APT_OSTREE, RPM_OSTREE } from '../../../daemon-bridge/rpm-ostree/profile.ts';

const ACCESS_DENIED = 'org.freedesktop.DBus.Error.AccessDenied';
const a = (name: string) => `org.projectatomic.rpmostree1.${name}`;
const as = (xs: string[]) => new Variant('as', xs);
const b = (v: boolean) => new Variant('b', v);

describe('the polkit actions a call needs (reference §3.2)', () => {
  it.each([
    ['Upgrade', ['upgrade']],
    ['AutomaticUpdateTrigger', ['upgrade']],
    ['Rollback', ['rollback']],
    ['ClearRollbackTarget', ['rollback']],
    ['Deploy', ['deploy']],
    ['KernelArgs', ['bootconfig']],
    ['Cleanup', ['cleanup']],
    ['PkgChange', ['install-uninstall-packages']],
    ['GetDeploymentsRpmDiff', ['repo-refresh']],
    ['DownloadDeployRpmDiff', ['repo-refresh']],
    ['Search', []],
    ['GetDeploymentBootConfig', []],
  ])('OS.%s → %j', (method, names) => {
    expect(polkitActionsFor(RPM_OSTREE, 'OS', method, [])).toEqual(names.map(a));
  });

  it('UpdateDeployment: computed from modifiers and options, in the daemon’s order', () => {
    const actions = (modifiers: object, options: object = {}) =>
      polkitActionsFor(RPM_OSTREE, 'OS', 'UpdateDeployment', [modifiers, options]);
    expect(
      actions({ 'override-remove-packages': as(['x']), 'override-reset-packages': as([]) }),
    ).toEqual([a('upgrade'), a('override')]);
    expect(actions({}, { 'no-layering': b(true), 'no-overrides': b(true) })).toEqual([
      a('upgrade'),
      a('install-uninstall-packages'),
      a('override'),
    ]);
    expect(actions({ 'install-packages': as([]) }, { 'no-pull-base': b(true) })).toEqual([
      a('install-uninstall-packages'),
    ]);
    expect(actions({ 'set-revision': new Variant('s', 'x') }, { 'no-initramfs': b(true) })).toEqual(
      [a('bootconfig'), a('deploy')],
    );
    expect(actions({}, { 'no-pull-base': b(true) })).toEqual([a('override')]);
  });

  it('Sysroot: ReloadConfig and client management; apt-ostree names its actions after its plan', () => {
    expect(polkitActionsFor(RPM_OSTREE, 'Sysroot', 'ReloadConfig', [])).toEqual([
      a('reload-daemon'),
    ]);
    expect(polkitActionsFor(RPM_OSTREE, 'Sysroot', 'Reload', [])).toEqual([]);
    expect(polkitActionsFor(APT_OSTREE, 'OS', 'GetDeploymentsAptDiff', [])).toEqual([
      'org.projectatomic.aptostree.repo-refresh',
    ]);
  });
});

describe('a refusal names the action', () => {
  const denied = new DBusCallError(
    ACCESS_DENIED,
    'rpmostreed OS operation Rollback not allowed for user',
    'Rollback',
  );

  it('the daemon’s AccessDenied becomes "Not authorized for <action>: <its text>"', () => {
    const err = withPolkitActions(denied, RPM_OSTREE, 'OS', 'Rollback', [{}]);
    expect(err).toBeInstanceOf(NotAuthorizedError);
    expect(toAppError(err)).toEqual({
      kind: 'not-authorized',
      message:
        'Not authorized for org.projectatomic.rpmostree1.rollback: rpmostreed OS operation Rollback not allowed for user',
      detail: ACCESS_DENIED,
    });
  });

  it('several actions are all named; other errors and unguarded methods pass unchanged', () => {
    const err = withPolkitActions(denied, RPM_OSTREE, 'OS', 'UpdateDeployment', [
      { 'install-packages': as(['htop']) },
      {},
    ]);
    expect(toAppError(err).message).toBe(
      `Not authorized for ${a('upgrade')} and ${a('install-uninstall-packages')}: rpmostreed OS operation Rollback not allowed for user`,
    );
    const busy = new DBusCallError('org.freedesktop.DBus.Error.Failed', 'x', 'Rollback');
    expect(withPolkitActions(busy, RPM_OSTREE, 'OS', 'Rollback', [])).toBe(busy);
    // A bus-policy refusal of an unguarded call: nothing to name.
    expect(withPolkitActions(denied, RPM_OSTREE, 'OS', 'Search', [])).toBe(denied);
  });
});
