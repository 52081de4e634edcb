import type { MessageBus } from 'dbus-next';
import type { DaemonProfile } from '../../daemon-bridge/rpm-ostree/profile.ts';
import type { SandboxMachine } from '../machine/machine.ts';
import type { CommitStore } from '../sysroot/commits.ts';
import type { SandboxLayout } from '../sysroot/layout.ts';
import type { ClientRegistry } from './clients.ts';
import type { DaemonSpecs } from './specs/daemon-specs.ts';
import type { DaemonModel } from './state/daemon-model.ts';
import type { TransactionManager } from './transaction/transaction-manager.ts';

/** What method handlers may use of the daemon. */
export interface DaemonContext {
  readonly clients: ClientRegistry;
  readonly bus: MessageBus;
  readonly layout: SandboxLayout;
  readonly profile: DaemonProfile;
  /** The distribution the sysroot holds (package naming, repositories). */
  readonly machine: SandboxMachine;
  readonly specs: DaemonSpecs;
  readonly commits: CommitStore;
  readonly transactions: TransactionManager;
  readonly log: (line: string) => void;
  /** The sysroot as last loaded. */
  readonly state: DaemonModel;
  /** Re-scans the sysroot and republishes; resolves after the PropertiesChanged emissions. */
  reload(): Promise<void>;
  /** Re-reads the config file (rpm-ostreed.conf, apt-ostreed.conf), then reloads. */
  reloadConfig(): Promise<void>;
  /** The configured AutomaticUpdatePolicy (none, check, stage, apply). */
  automaticUpdatePolicy(): string;
  /** `Sysroot.Booted`. */
  bootedPath(): string;
  /** Object path of an OS (stateroot) that has deployments. */
  osPath(osname: string): string | undefined;
}
