import type { ClientRegistry } from './clients.ts';

/** What method handlers may use of the daemon. */
export interface DaemonContext {
  readonly clients: ClientRegistry;
  /** Re-scans the sysroot and republishes; resolves after the PropertiesChanged emissions. */
  reload(): Promise<void>;
  /** Re-reads rpm-ostreed.conf, then reloads. */
  reloadConfig(): Promise<void>;
  /** `Sysroot.Booted`. */
  bootedPath(): string;
  /** Object path of an OS (stateroot) that has deployments. */
  osPath(osname: string): string | undefined;
}
