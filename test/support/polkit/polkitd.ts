/**
 * A real polkitd on a private bus, without touching the host's polkit
 * (spikes §4): polkitd 122 reads its actions from /usr/share/polkit-1/actions
 * and its rules from /etc/polkit-1/rules.d and /usr/share/polkit-1/rules.d,
 * with no option to change that, so it runs in a private mount namespace
 * (`unshare -m --propagation private`) with temp directories bind-mounted
 * over those three: the reference policy, the test's rules, nothing.
 * polkitd drops to the `polkitd` user, so everything is world-readable.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { getNameOwner } from '../../../daemon-bridge/dbus/bus-driver.ts';
import { closeBus, connectBus } from '../../../daemon-bridge/dbus/connect-bus.ts';
import { referenceDir } from '../reference.ts';
import { waitFor } from '../wait-for.ts';

export const POLKITD = '/usr/lib/polkit-1/polkitd';
export const POLKIT_NAME = 'org.freedesktop.PolicyKit1';
/** The reference policy's file name (shared/reference/). */
export const RPM_OSTREE_POLICY = 'org.projectatomic.rpmostree1.policy';

/** Where polkitd 122 looks, and what is mounted there in its namespace. */
const MOUNTS = {
  actions: '/usr/share/polkit-1/actions',
  rules: '/etc/polkit-1/rules.d',
  vendorRules: '/usr/share/polkit-1/rules.d',
} as const;

/**
 * These tests need root: for the mount namespace, and to run the client as
 * another user (polkit authorizes uid 0 for everything, so a refusal can
 * only be seen from a non-root caller). CI runs as root.
 */
export function requireRoot(what: string): void {
  if (process.getuid?.() !== 0)
    throw new Error(
      `${what} must run as root (uid ${process.getuid?.()} here): polkitd runs in a private ` +
        'mount namespace with bind mounts, and the app side runs as user nobody. CI runs as root; ' +
        'locally use e.g. `sudo npx vitest run test/integration/polkit`.',
    );
  if (!existsSync(POLKITD))
    throw new Error(`${POLKITD} is missing: install Debian's polkitd (.ci/run does).`);
}

export interface PolkitdOptions {
  /** The private bus (DBUS_SYSTEM_BUS_ADDRESS for polkitd). */
  readonly busAddress: string;
  /** The test's rules (JavaScript), written to rules.d/50-test.rules. */
  readonly rules: string;
  readonly timeoutMs?: number;
}

export interface Polkitd {
  readonly pid: number;
  /** polkitd's unique name on the bus. */
  readonly uniqueName: string;
  /** Every line polkitd wrote (stdout and stderr), for failure messages. */
  readonly output: readonly string[];
  /** SIGINT (polkitd quits its main loop), SIGKILL after `graceMs`; removes its directories. */
  stop(graceMs?: number): Promise<number | null>;
}

/** Writes `rules` where the running polkitd reads them (it reloads on change). */
function writeRules(dir: string, rules: string): void {
  const file = join(dir, '50-test.rules');
  writeFileSync(file, rules);
  chmodSync(file, 0o644);
}

/** The three world-readable directories polkitd sees in its namespace. */
function prepareDirs(rules: string): {
  root: string;
  actions: string;
  rules: string;
  empty: string;
} {
  const root = mkdtempSync(join(tmpdir(), 'oum-polkit-'));
  chmodSync(root, 0o755);
  const dirs = {
    root,
    actions: join(root, 'actions'),
    rules: join(root, 'rules.d'),
    empty: join(root, 'empty'),
  };
  for (const d of [dirs.actions, dirs.rules, dirs.empty]) {
    mkdirSync(d);
    chmodSync(d, 0o755);
  }
  const policy = join(dirs.actions, RPM_OSTREE_POLICY);
  copyFileSync(join(referenceDir(), RPM_OSTREE_POLICY), policy);
  chmodSync(policy, 0o644);
  writeRules(dirs.rules, rules);
  return dirs;
}

/**
 * Starts polkitd on `busAddress` with the reference rpm-ostree policy and
 * `rules`, and resolves once it owns org.freedesktop.PolicyKit1.
 */
export async function startPolkitd(options: PolkitdOptions): Promise<Polkitd> {
  requireRoot('polkitd');
  const dirs = prepareDirs(options.rules);
  // `unshare` execs the shell in the new namespace, and the shell execs
  // polkitd: one process, whose pid we hold. Mounts die with the namespace.
  const script =
    'set -e; mount --bind "$1" "$4"; mount --bind "$2" "$5"; mount --bind "$3" "$6"; ' +
    `exec ${POLKITD}`;
  const child: ChildProcess = spawn(
    'unshare',
    [
      '-m',
      '--propagation',
      'private',
      'sh',
      '-c',
      script,
      'polkitd-ns',
      dirs.actions,
      dirs.rules,
      dirs.empty,
      MOUNTS.actions,
      MOUNTS.rules,
      MOUNTS.vendorRules,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        DBUS_SYSTEM_BUS_ADDRESS: options.busAddress,
      },
    },
  );
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!])
    createInterface({ input: stream }).on('line', (line) => output.push(line));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let gone = false;
  void exited.then(() => (gone = true));

  const stop = async (graceMs = 5_000): Promise<number | null> => {
    if (!gone) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dirs.root, { recursive: true, force: true });
    return exited;
  };

  const died = exited.then((code) => {
    throw new Error(`polkitd exited (${code}) before owning ${POLKIT_NAME}`);
  });
  died.catch(() => undefined);
  const bus = await connectBus(options.busAddress);
  try {
    const uniqueName = await Promise.race([
      waitFor(
        `${POLKIT_NAME} on the bus`,
        async () => (await getNameOwner(bus, POLKIT_NAME)) ?? undefined,
        options.timeoutMs ?? 20_000,
      ),
      died,
    ]);
    return { pid: child.pid!, uniqueName, output, stop };
  } catch (err) {
    await stop();
    throw new Error(
      `${err instanceof Error ? err.message : String(err)}\npolkitd said:\n${output.join('\n')}`,
    );
  } finally {
    closeBus(bus);
  }
}
