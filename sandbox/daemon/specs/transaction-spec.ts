import type { InterfaceSpec } from '../service/interface-spec.ts';

const qtList = (n: number, value = 'QVariantList') => ({
  [`org.qtproject.QtDBus.QtTypeName.Out${n}`]: value,
});

/** `<prefix>.Transaction` as in org.projectatomic.rpmostree1.xml (served on the peer socket at `/`). */
export function transactionSpec(prefix: string): InterfaceSpec {
  return {
    name: `${prefix}.Transaction`,
    methods: {
      Cancel: {},
      Start: { out: [{ name: 'started', type: 'b' }] },
    },
    properties: {
      Title: { type: 's', access: 'read' },
      InitiatingClientDescription: { type: 's', access: 'read' },
    },
    signals: {
      Finished: {
        args: [
          { name: 'success', type: 'b' },
          { name: 'error_message', type: 's' },
        ],
      },
      Message: { args: [{ name: 'text', type: 's' }] },
      TaskBegin: { args: [{ name: 'text', type: 's' }] },
      TaskEnd: { args: [{ name: 'text', type: 's' }] },
      PercentProgress: {
        args: [
          { name: 'text', type: 's' },
          { name: 'percentage', type: 'u' },
        ],
      },
      DownloadProgress: {
        args: [
          { name: 'time', type: '(tt)' },
          { name: 'outstanding', type: '(uu)' },
          { name: 'metadata', type: '(uuu)' },
          { name: 'delta', type: '(uuut)' },
          { name: 'content', type: '(uu)' },
          { name: 'transfer', type: '(tt)' },
        ],
        annotations: {
          ...qtList(0, 'QStringList'),
          ...qtList(1),
          ...qtList(2),
          ...qtList(3),
          ...qtList(4),
          ...qtList(5),
        },
      },
      SignatureProgress: {
        args: [
          { name: 'signature', type: 'av' },
          { name: 'commit', type: 's' },
        ],
      },
      ProgressEnd: {},
    },
  };
}
