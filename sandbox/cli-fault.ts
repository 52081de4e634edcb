/**
 * `npm run sandbox -- fault --dir DIR [--clear] [NAME[=VALUE] …]`: switches
 * faults of a running sandbox on (or all off with --clear, before the
 * switches that follow) and prints the faults now in force as JSON.
 */
import { resolve } from 'node:path';
import {
  FAULT_HELP,
  parseFaultSwitch,
  readSandboxFaults,
  setSandboxFaults,
} from './faults/faults.ts';
import type { SandboxFaults } from './faults/faults.ts';

const HELP = `Usage: npm run sandbox -- fault --dir DIR [--clear] [NAME[=VALUE] ...]

Switches faults of the sandbox in DIR while it runs (they take effect the next
time the daemon or the remote reaches them). --clear switches every fault off
first. Prints the faults in force afterwards.

${FAULT_HELP}
`;

export function faultCommand(argv: readonly string[]): number {
  let dir: string | undefined;
  let clear = false;
  const switches: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(HELP);
      return 0;
    }
    if (arg === '--dir') dir = argv[++i];
    else if (arg.startsWith('--dir=')) dir = arg.slice('--dir='.length);
    else if (arg === '--clear') clear = true;
    else if (arg.startsWith('--')) {
      process.stderr.write(`Unknown option ${arg}\n\n${HELP}`);
      return 2;
    } else switches.push(arg);
  }
  if (!dir) {
    process.stderr.write(`--dir is required\n\n${HELP}`);
    return 2;
  }
  const root = resolve(dir);
  let faults: SandboxFaults = clear ? {} : readSandboxFaults(root);
  for (const spec of switches) {
    const next = parseFaultSwitch(spec, faults);
    if (typeof next === 'string') {
      process.stderr.write(`${next}\n\n${HELP}`);
      return 2;
    }
    faults = next;
  }
  setSandboxFaults(root, faults);
  process.stdout.write(`${JSON.stringify(faults)}\n`);
  return 0;
}
