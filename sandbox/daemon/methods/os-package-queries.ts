import * as dbus from 'dbus-next';
import { getPackages, searchPackages, whatProvides } from '../../packages/package-query.ts';
import type { PackageHit } from '../../packages/package-query.ts';
import { packageVersionOf } from '../../packages/naming.ts';
import { nevra } from '../../seed/packages.ts';
import type { DaemonContext } from '../daemon-context.ts';
import { DBUS_ERROR } from '../service/errors.ts';
import type { MethodHandler } from '../service/service-interface.ts';
import type { VarDict } from '../state/deployment-dict.ts';

/** os_add_package_info_to_builder: the keys in the daemon's order. */
function packageInfo({ key, pkg }: PackageHit): VarDict {
  const s = (v: string) => new dbus.Variant('s', v);
  return {
    ...(key !== undefined ? { key: s(key) } : {}),
    name: s(pkg.name),
    epoch: new dbus.Variant('t', BigInt(pkg.epoch)),
    version: s(pkg.version),
    arch: s(pkg.arch),
    nevra: s(nevra(pkg)),
    evr: s(packageVersionOf(pkg)),
    summary: s(pkg.summary),
    reponame: s(pkg.repo),
  };
}

/**
 * OS.ListRepos, WhatProvides, GetPackages and Search (reference §5.6): sync
 * queries over the machine's repositories (sandbox/packages), which stand in
 * for the rpm-md (apt lists) the real daemon loads (repository packages
 * only, no rpmdb).
 */
export function packageQueryMethods(
  ctx: DaemonContext,
  _osname: string,
): Record<string, MethodHandler> {
  return {
    ListRepos: async () => {
      await ctx.reload();
      return ctx.machine.universe.repos.map((r) => ({
        id: new dbus.Variant('s', r.id),
        description: new dbus.Variant('s', r.description),
        'is-devel': new dbus.Variant('b', false),
        'is-source': new dbus.Variant('b', false),
        'is-enabled': new dbus.Variant('b', r.enabled),
      }));
    },
    WhatProvides: async (_call, [provides]) => {
      await ctx.reload();
      return whatProvides(ctx.machine.universe, provides as string[]).map(packageInfo);
    },
    GetPackages: async (_call, [names]) => {
      await ctx.reload();
      return getPackages(ctx.machine.universe, names as string[]).map(packageInfo);
    },
    Search: async (_call, [names]) => {
      // Checked before anything is loaded, as a G_DBUS_ERROR.
      if ((names as string[]).length === 0)
        throw new dbus.DBusError(DBUS_ERROR.failed, 'Must specify a term for search');
      await ctx.reload();
      return searchPackages(ctx.machine.universe, names as string[]).map(packageInfo);
    },
  };
}
