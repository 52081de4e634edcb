/**
 * The privileged helper program (issue #5). The app's main process starts it
 * once through `pkexec` (polkit action io.github.ostree_update_manager.helper,
 * auth_admin_keep) and holds it for the session: JSON-lines requests on
 * stdin, replies on stdout (daemon-bridge/contract/helper-protocol.ts), log
 * lines on stderr. It exits when stdin closes.
 *
 * A strict allow-list, nothing more: pin/unpin one deployment after checking
 * its identity, and set the daemon's AutomaticUpdatePolicy. Every argument
 * passes the protocol schema first; ostree runs through execFile with an
 * argv array, never a shell; paths come from the fixed configuration, never
 * from a request.
 *
 * Configuration: production paths are fixed (`/`, /etc/rpm-ostreed.conf,
 * rpm-ostree). OSTREE_UM_HELPER_SYSROOT, OSTREE_UM_HELPER_DAEMON_CONFIG and
 * OSTREE_UM_HELPER_FLAVOUR override them, and nothing else does. pkexec
 * clears the environment, so an override can never reach a helper started
 * through pkexec; only the sandbox sets them, and it runs the helper
 * directly (no pkexec, no root: its sysroot belongs to the user).
 */
import { systemBusAddress } from '../dbus/connect-bus.ts';
import { stderrLogger } from '../logger.ts';
import type { Logger } from '../logger.ts';
import { helperConfig } from './helper-config.ts';
import type { HelperConfig } from './helper-config.ts';
import { serveHelper } from './helper-server.ts';
import { runOstree } from './ostree-run.ts';
import { pinDeployment } from './pin-deployment.ts';
import { daemonConfigReloader, describeReloadError } from './reload-config.ts';
import { setAutomaticUpdatePolicy } from './update-policy.ts';

async function main(): Promise<number> {
  const log = stderrLogger('[ostree-update-manager-helper]');
  const config = loadConfig(log);
  if (!config) return 2;
  if (config.overridden)
    log.warn(`overridden paths: sysroot ${config.sysroot}, config ${config.daemonConfig}`);
  const reload = daemonConfigReloader(config.profile, systemBusAddress(process.env));
  // A closed stdout (the app died) must not kill a change half-way with EPIPE.
  process.stdout.on('error', (err: Error) => log.warn(`stdout: ${err.message}`));
  await serveHelper(
    process.stdin,
    process.stdout,
    {
      pin: (params) => pinDeployment(config.sysroot, params, runOstree),
      setAutomaticUpdatePolicy: (policy) =>
        setAutomaticUpdatePolicy(config.daemonConfig, policy, reload, describeReloadError),
    },
    log,
  );
  return 0;
}

function loadConfig(log: Logger): HelperConfig | null {
  try {
    return helperConfig(process.env);
  } catch (err) {
    log.error(err instanceof Error ? err.message : String(err));
    return null;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`[ostree-update-manager-helper] fatal: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
