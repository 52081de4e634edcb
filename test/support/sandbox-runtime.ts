import type { AppState } from '../../daemon-bridge/contract/domain.ts';
import { silentLogger } from '../../daemon-bridge/logger.ts';
import { createAppRuntime } from '../../daemon-bridge/runtime.ts';
import type { AppRuntime } from '../../daemon-bridge/runtime.ts';
import { startSandbox } from '../../sandbox/launch.ts';
import type { RunningSandbox, SandboxProfile, StartSandboxOptions } from '../../sandbox/launch.ts';
import { waitForState } from './runtime-probe.ts';

export interface SandboxRuntime {
  readonly sandbox: RunningSandbox;
  readonly runtime: AppRuntime;
  /** The first ready state. */
  readonly ready: AppState;
  stop(): Promise<void>;
}

/**
 * A whole sandbox (bus, daemon, remote, logind stand-in) in `dir`, and the
 * app's runtime connected to it as in sandbox mode, once the daemon is ready.
 * Finished transactions close after 2 s instead of 30 so tests move on.
 * `profile` picks the daemon (default rpm-ostree on the Fedora machine;
 * apt-ostree serves the Debian one) and the runtime's profile with it;
 * `sandbox` passes further options to startSandbox (idle exit, faults…).
 */
export async function startSandboxRuntime(
  dir: string,
  options: {
    readonly profile?: SandboxProfile;
    readonly sandbox?: Omit<StartSandboxOptions, 'dir' | 'profile'>;
  } = {},
): Promise<SandboxRuntime> {
  const profile = options.profile ?? 'rpm-ostree';
  const sandbox = await startSandbox({
    dir,
    profile,
    log: () => {},
    transactionLinger: 2,
    ...options.sandbox,
  });
  const runtime = await createAppRuntime({
    mode: { kind: 'sandbox', dir, reason: 'requested' },
    busAddress: sandbox.address,
    daemon: profile,
    log: silentLogger,
  });
  const ready = await waitForState(runtime, 'ready', (s) => s.daemon.kind === 'ready');
  return {
    sandbox,
    runtime,
    ready,
    async stop() {
      await runtime.stop();
      await sandbox.stop();
    },
  };
}
