import { MAX_PAYLOAD_BYTES } from '../../daemon-bridge/contract/channels.ts';
import type { CommandName } from '../../daemon-bridge/contract/channels.ts';

/** A valid argument list per command: the base hostile cases are built around it. */
export const VALID_ARGS: { readonly [K in CommandName]: readonly unknown[] } = {
  getState: [],
  refresh: [],
  checkForUpdates: [],
  stageUpdate: [],
  cancelTransaction: [],
  rebootToApply: [],
  rollback: [],
  updateChanges: ['0123456789abcdef'],
  compareDeployments: ['fedora-aaaa.0', 'fedora-bbbb.0'],
  previewDeploy: ['43.20260201.0'],
  deployRevision: ['43.20260201.0'],
  cleanup: [['rollback-deploy']],
  dismissActivity: [],
  searchPackages: [['htop']],
  changePackages: [{ add: ['htop'], remove: [] }],
  changeOverrides: [{ remove: ['gnome-tour'], reset: [] }],
  resetPackageChanges: [{ layering: true, overrides: false }],
  changeKernelArgs: [{ added: ['quiet'], replaced: [], removed: [] }],
  setPinned: [{ deploymentId: 'fedora-0123abcd.0', pinned: true }],
  setAutomaticUpdatePolicy: ['stage'],
  changeDesktopSettings: [{ quiet: true }],
  checkHealth: [],
  exportDiagnostics: [],
};

const protoObject = JSON.parse('{"__proto__":{"polluted":true}}') as unknown;

/**
 * Payloads that must be refused for `name`, with what is wrong with each:
 * wrong types, wrong counts, huge strings, prototype-pollution keys, and for
 * string arguments the inputs the daemon must never see (newlines, spaces,
 * option injection, control characters).
 */
export function hostileArgs(name: CommandName): readonly (readonly [string, unknown[]])[] {
  const valid = [...VALID_ARGS[name]];
  const cases: [string, unknown[]][] = [
    ['an extra argument', [...valid, 1]],
    ['an extra object argument', [...valid, {}]],
    ['a __proto__ key', [...valid, protoObject]],
    ['a nested constructor key', [...valid, { a: { constructor: { prototype: {} } } }]],
    ['a BigInt', [...valid, 1n]],
  ];
  if (valid.length > 0) {
    cases.push(['a missing argument', valid.slice(0, -1)]);
    cases.push(['a wrong-typed argument', [...valid.slice(0, -1), 42]]);
    cases.push(['a huge string', [...valid.slice(0, -1), 'x'.repeat(MAX_PAYLOAD_BYTES + 1)]]);
    if (typeof valid[0] === 'string')
      for (const [what, value] of [
        ['a newline', '43.1\nrm -rf /'],
        ['a space', '43 .1'],
        ['option injection', '--reboot'],
        ['a control character', '43.1\u0007'],
        ['an empty string', ''],
      ] as const)
        cases.push([`${what} in a string argument`, [value, ...valid.slice(1)]]);
  } else cases.push(['a wrong-typed argument', ['now']]);
  const objectCases: { readonly [K in CommandName]?: readonly (readonly [string, unknown])[] } = {
    searchPackages: [
      ['no search term', []],
      ['a term with a space', ['ht op']],
      ['a term with a newline', ['htop\nrm']],
      ['a term with a shell character', ['htop;reboot']],
      ['too many terms', Array.from({ length: 9 }, () => 'a')],
    ],
    changePackages: [
      ['a package name with a space', { add: ['ht op'], remove: [] }],
      ['a package name with a newline', { add: ['htop\n'], remove: [] }],
      ['option injection as a package', { add: ['--reboot'], remove: [] }],
      ['a shell character in a package', { add: [], remove: ['htop$(id)'] }],
      ['nothing to change', { add: [], remove: [] }],
      ['a repeated package', { add: ['htop', 'htop'], remove: [] }],
      ['an extra key', { add: ['htop'], remove: [], reboot: true }],
      ['a missing key', { add: ['htop'] }],
      ['too many packages', { add: Array.from({ length: 65 }, (_, i) => `p${i}`), remove: [] }],
    ],
    changeOverrides: [
      ['nothing to change', { remove: [], reset: [] }],
      ['a path as a package', { remove: ['../../etc/passwd'], reset: [] }],
    ],
    resetPackageChanges: [
      ['nothing to reset', { layering: false, overrides: false }],
      ['a string for a flag', { layering: 'yes', overrides: false }],
    ],
    changeKernelArgs: [
      ['a newline in a kernel argument', { added: ['quiet\nsingle'], replaced: [], removed: [] }],
      ['a space in a kernel argument', { added: ['a=1 b=2'], replaced: [], removed: [] }],
      ['a control character', { added: ['quiet\u0000'], replaced: [], removed: [] }],
      ['an unbalanced quote', { added: ['dyndbg="file'], replaced: [], removed: [] }],
      ['the managed ostree= argument', { added: [], replaced: ['ostree=/x'], removed: [] }],
      ['option injection', { added: ['--reboot'], replaced: [], removed: [] }],
      ['nothing to change', { added: [], replaced: [], removed: [] }],
      ['an extra key', { added: ['quiet'], replaced: [], removed: [], final: 'x' }],
    ],
    setPinned: [
      ['a deployment id with a newline', { deploymentId: 'fedora-a.0\n1', pinned: true }],
      ['a deployment id with a path', { deploymentId: '../../etc/passwd', pinned: true }],
      ['option injection', { deploymentId: '--unpin', pinned: true }],
      ['a string for pinned', { deploymentId: 'fedora-0123abcd.0', pinned: 'yes' }],
      ['an extra key', { deploymentId: 'fedora-0123abcd.0', pinned: true, index: 0 }],
    ],
    changeDesktopSettings: [
      ['nothing to change', {}],
      ['an unknown setting', { quiet: true, sound: true }],
      ['a string for a flag', { autostart: 'true' }],
    ],
  };
  for (const [what, value] of objectCases[name] ?? []) cases.push([what, [value]]);
  if (name === 'setAutomaticUpdatePolicy') {
    cases.push(['the apply policy (reboots by itself; not offered)', ['apply']]);
    cases.push(['an unknown policy', ['sometimes']]);
    cases.push(['a policy with a newline', ['stage\nIdleExitTimeout=0']]);
  }
  if (name === 'cleanup') {
    cases.push(['an unknown cleanup element', [['everything']]]);
    cases.push(['a repeated cleanup element', [['base', 'base']]]);
    cases.push(['no cleanup element', [[]]]);
  }
  return cases;
}
