import type { InterfaceSpec } from '../service/interface-spec.ts';

const QT_MAP = { 'org.qtproject.QtDBus.QtTypeName': 'QVariantMap' };
const IN0_MAP = { 'org.qtproject.QtDBus.QtTypeName.In0': 'QVariantMap' };
const UNIX_FD = { 'org.gtk.GDBus.C.UnixFD': 'true' };
const OPTIONS = { name: 'options', type: 'a{sv}' };
const ADDRESS = { name: 'transaction_address', type: 's' };
const DIFF = { name: 'result', type: 'a(sua{sv})' };
const DETAILS = { name: 'details', type: 'a{sv}' };
const REVISION = { name: 'revision', type: 's' };
const PACKAGES = { name: 'packages', type: 'as' };
const OUT0_LIST = { 'org.qtproject.QtDBus.QtTypeName.Out0': 'QVariantList' };
const OUT1_MAP = { 'org.qtproject.QtDBus.QtTypeName.Out1': 'QVariantMap' };
const OUT0_MAP = { 'org.qtproject.QtDBus.QtTypeName.Out0': 'QVariantMap' };
const STRV = (name: string) => ({ name, type: 'as' });
const PACKAGE_LIST = { out: [{ name: 'packages', type: 'aa{sv}' }], annotations: OUT0_LIST };

/**
 * `<prefix>.OS` as in org.projectatomic.rpmostree1.xml. Methods are added
 * here as the sandbox learns them (their handlers live in daemon/methods/).
 */
export function osSpec(prefix: string): InterfaceSpec {
  return {
    name: `${prefix}.OS`,
    methods: {
      AutomaticUpdateTrigger: {
        in: [OPTIONS],
        out: [
          { name: 'enabled', type: 'b' },
          { name: 'transaction_address', type: 's' },
        ],
        annotations: IN0_MAP,
      },
      Upgrade: { in: [OPTIONS], out: [ADDRESS], annotations: { ...IN0_MAP, ...UNIX_FD } },
      Deploy: {
        in: [{ name: 'revision', type: 's' }, OPTIONS],
        out: [ADDRESS],
        annotations: { 'org.qtproject.QtDBus.QtTypeName.In1': 'QVariantMap', ...UNIX_FD },
      },
      Rollback: { in: [OPTIONS], out: [ADDRESS], annotations: IN0_MAP },
      ClearRollbackTarget: { in: [OPTIONS], out: [ADDRESS], annotations: IN0_MAP },
      Cleanup: { in: [{ name: 'elements', type: 'as' }], out: [ADDRESS] },
      GetDeploymentsRpmDiff: {
        in: [
          { name: 'deployid0', type: 's' },
          { name: 'deployid1', type: 's' },
        ],
        out: [DIFF],
        annotations: OUT0_LIST,
      },
      GetCachedUpdateRpmDiff: {
        in: [{ name: 'deployid', type: 's' }],
        out: [DIFF, DETAILS],
        annotations: { ...OUT0_LIST, ...OUT1_MAP },
      },
      DownloadUpdateRpmDiff: { out: [ADDRESS] },
      DownloadDeployRpmDiff: { in: [REVISION, PACKAGES], out: [ADDRESS] },
      GetCachedDeployRpmDiff: {
        in: [REVISION, PACKAGES],
        out: [DIFF, DETAILS],
        annotations: { ...OUT0_LIST, ...OUT1_MAP },
      },
      PkgChange: {
        in: [OPTIONS, STRV('packages_added'), STRV('packages_removed')],
        out: [ADDRESS],
        annotations: { ...IN0_MAP, ...UNIX_FD },
      },
      UpdateDeployment: {
        in: [
          { name: 'modifiers', type: 'a{sv}' },
          { name: 'options', type: 'a{sv}' },
        ],
        out: [ADDRESS],
        annotations: {
          ...IN0_MAP,
          'org.qtproject.QtDBus.QtTypeName.In1': 'QVariantMap',
          ...UNIX_FD,
        },
      },
      KernelArgs: {
        in: [
          { name: 'existing_kernel_arg_string', type: 's' },
          STRV('kernel_args_added'),
          STRV('kernel_args_replaced'),
          STRV('kernel_args_removed'),
          OPTIONS,
        ],
        out: [ADDRESS],
        annotations: { 'org.qtproject.QtDBus.QtTypeName.In4': 'QVariantMap' },
      },
      GetDeploymentBootConfig: {
        in: [
          { name: 'deployid', type: 's' },
          { name: 'is_pending', type: 'b' },
        ],
        out: [{ name: 'bootconfig', type: 'a{sv}' }],
        annotations: OUT0_MAP,
      },
      ListRepos: { out: [{ name: 'repos', type: 'aa{sv}' }], annotations: OUT0_LIST },
      WhatProvides: { in: [STRV('provides')], ...PACKAGE_LIST },
      GetPackages: { in: [STRV('names')], ...PACKAGE_LIST },
      Search: { in: [STRV('names')], ...PACKAGE_LIST },
    },
    properties: {
      BootedDeployment: { type: 'a{sv}', access: 'read', annotations: QT_MAP },
      DefaultDeployment: { type: 'a{sv}', access: 'read', annotations: QT_MAP },
      RollbackDeployment: { type: 'a{sv}', access: 'read', annotations: QT_MAP },
      CachedUpdate: { type: 'a{sv}', access: 'read', annotations: QT_MAP },
      HasCachedUpdateRpmDiff: { type: 'b', access: 'read' },
      Name: { type: 's', access: 'read' },
    },
  };
}

/** `<prefix>.OSExperimental` (same object path as OS). */
export function osExperimentalSpec(prefix: string): InterfaceSpec {
  return {
    name: `${prefix}.OSExperimental`,
    methods: {
      Moo: { in: [{ name: 'utf8', type: 'b' }], out: [{ name: 'result', type: 's' }] },
    },
  };
}
