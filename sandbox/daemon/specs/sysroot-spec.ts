import type { InterfaceSpec } from '../service/interface-spec.ts';

const QT_MAP = { 'org.qtproject.QtDBus.QtTypeName.In0': 'QVariantMap' };

/**
 * `<prefix>.Sysroot` as in org.projectatomic.rpmostree1.xml: every member
 * the sandbox implements, with the XML's argument names and annotations.
 */
export function sysrootSpec(prefix: string): InterfaceSpec {
  return {
    name: `${prefix}.Sysroot`,
    methods: {
      RegisterClient: { in: [{ name: 'options', type: 'a{sv}' }], annotations: QT_MAP },
      UnregisterClient: { in: [{ name: 'options', type: 'a{sv}' }], annotations: QT_MAP },
      Reload: {},
      ReloadConfig: {},
      GetOS: { in: [{ name: 'name', type: 's' }], out: [{ name: 'object_path', type: 'o' }] },
    },
    properties: {
      Booted: { type: 'o', access: 'read' },
      Path: { type: 's', access: 'read' },
      ActiveTransaction: {
        type: '(sss)',
        access: 'read',
        annotations: { 'org.qtproject.QtDBus.QtTypeName': 'QStringList' },
      },
      ActiveTransactionPath: { type: 's', access: 'read' },
      AutomaticUpdatePolicy: { type: 's', access: 'read' },
      Deployments: {
        type: 'aa{sv}',
        access: 'read',
        annotations: { 'org.qtproject.QtDBus.QtTypeName': 'QList<QVariantMap>' },
      },
    },
  };
}
