import type { InterfaceSpec } from '../service/interface-spec.ts';

const QT_MAP = { 'org.qtproject.QtDBus.QtTypeName': 'QVariantMap' };

/**
 * `<prefix>.OS` as in org.projectatomic.rpmostree1.xml. Methods are added
 * here as the sandbox learns them (their handlers live in daemon/methods/).
 */
export function osSpec(prefix: string): InterfaceSpec {
  return {
    name: `${prefix}.OS`,
    methods: {},
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
