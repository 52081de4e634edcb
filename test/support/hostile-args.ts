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
  compareDeployments: ['fedora-aaaa.0', 'fedora-bbbb.0'],
  previewDeploy: ['43.20260201.0'],
  deployRevision: ['43.20260201.0'],
  cleanup: [['rollback-deploy']],
  dismissActivity: [],
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
  if (name === 'cleanup') {
    cases.push(['an unknown cleanup element', [['everything']]]);
    cases.push(['a repeated cleanup element', [['base', 'base']]]);
    cases.push(['no cleanup element', [[]]]);
  }
  return cases;
}
