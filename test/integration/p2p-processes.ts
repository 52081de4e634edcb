/**
 * Starting the p2p test peers as real processes: the Node demo server
 * (p2p-txn-fixture.ts) and the GLib scripts in test/support/glib/.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { spawnGroup } from '../support/processes.ts';
import type { Spawned } from '../support/processes.ts';
import { repoRoot } from '../support/reference.ts';
import type { Scenario } from './p2p-txn-steps.ts';

/** Debian's python3: the one on PATH may be a pyenv shim without gi. */
export const PYTHON = '/usr/bin/python3';
const GLIB_DIR = join(repoRoot, 'test', 'support', 'glib');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Fails loudly (never skips) when python3-gi is missing: these tests are the
 * only proof that the p2p code speaks to real GLib.
 */
export function requireGlib(): void {
  const probe = spawnSync(PYTHON, [
    '-c',
    'import gi; gi.require_version("Gio", "2.0"); from gi.repository import Gio',
  ]);
  if (probe.status !== 0)
    throw new Error(
      `GLib interop tests need ${PYTHON} with GObject introspection: ` +
        `apt-get install -y python3-gi gir1.2-glib-2.0 (${String(probe.stderr || probe.error)})`,
    );
}

/** A server process with one transaction socket per name. */
export interface ServerProcess {
  readonly proc: Spawned;
  readonly addresses: Readonly<Record<string, string>>;
  /** Lines `CALL <name> <call>` the server printed so far, for one name. */
  calls(name: string): string[];
}

async function waitReady(proc: Spawned, names: readonly string[]): Promise<Record<string, string>> {
  const addresses: Record<string, string> = {};
  for (const name of names) {
    const [, address = ''] = await proc.waitForLine(new RegExp(`^READY ${name} (\\S+)$`), 20_000);
    addresses[name] = address;
  }
  return addresses;
}

/** Every `CALL …` line the process prints, with the prefix removed. */
function recordCalls(proc: Spawned): (prefix: string) => string[] {
  const lines: string[] = [];
  if (proc.child.stdout)
    createInterface({ input: proc.child.stdout }).on('line', (l) => lines.push(l));
  return (prefix) =>
    lines
      .filter((l) => l.startsWith(`CALL ${prefix}`))
      .map((l) => l.slice(`CALL ${prefix}`.length));
}

/** The Node demo server (createPeerServer) in its own process. */
export async function startNodeServer(
  dir: string,
  sockets: Readonly<Record<string, Scenario>>,
): Promise<ServerProcess> {
  const specs = Object.entries(sockets).map(([name, scenario]) => `${name}=${scenario}`);
  const fixture = join(repoRoot, 'test', 'integration', 'p2p-txn-fixture.ts');
  const proc = spawnGroup(process.execPath, ['--import', tsx, fixture, dir, ...specs]);
  const calls = recordCalls(proc);
  return {
    proc,
    addresses: await waitReady(proc, Object.keys(sockets)),
    calls: (name) => calls(`${name} `),
  };
}

/** test/support/glib/txn-server.py (a GDBusServer) on one socket. */
export async function startGlibServer(
  socketPath: string,
  scenario: Scenario,
): Promise<ServerProcess> {
  const proc = spawnGroup(PYTHON, [join(GLIB_DIR, 'txn-server.py'), socketPath, scenario]);
  const calls = recordCalls(proc);
  const [, address = ''] = await proc.waitForLine(/^READY (\S+)$/, 20_000);
  return { proc, addresses: { [scenario]: address }, calls: () => calls('') };
}

/** What test/support/glib/txn-client.py reports. */
export interface GlibClientReport {
  readonly guid: string;
  readonly capabilities: number;
  readonly introspect_has_iface: boolean;
  readonly title: string;
  readonly initiator: string;
  readonly hello_error?: readonly [string, string] | null;
  readonly cancel?: unknown;
  readonly starts: readonly boolean[];
  readonly signals: readonly (readonly [string, unknown])[];
  readonly finished_count: number;
  readonly timed_out?: boolean;
}

/** Runs the GLib client against `address` and parses its JSON report. */
export function runGlibClient(
  address: string,
  flags: readonly string[] = [],
): Promise<GlibClientReport> {
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      [join(GLIB_DIR, 'txn-client.py'), address, ...flags],
      { timeout: 30_000 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`txn-client.py failed: ${err.message}\n${stderr}`));
        try {
          resolve(JSON.parse(stdout) as GlibClientReport);
        } catch {
          reject(new Error(`txn-client.py printed no JSON:\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}
