import type { DesktopSettings, UserUpdatePolicy } from './contract/desktop.ts';
import type { Result } from './contract/domain.ts';

/** A deployment as the privileged helper addresses it: its index, checked against its identity. */
export interface PinTarget {
  /** Position in the deployment list (`ostree admin pin INDEX`). */
  readonly index: number;
  readonly osname: string;
  readonly checksum: string;
  readonly serial: number;
  readonly pinned: boolean;
}

/**
 * What the manager needs from the desktop side (desktop/desktop-agent.ts):
 * the held privileged helper and the app's own settings. Absent in a bare
 * manager (unit tests), where these commands fail with a clear error.
 */
export interface DesktopPort {
  setPinned(target: PinTarget): Promise<Result<null>>;
  setAutomaticUpdatePolicy(policy: UserUpdatePolicy): Promise<Result<null>>;
  changeSettings(change: Partial<DesktopSettings>): Promise<Result<DesktopSettings>>;
}
