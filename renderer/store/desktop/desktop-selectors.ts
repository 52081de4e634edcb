import type { DesktopState } from '../../../daemon-bridge/contract/desktop.ts';
import type { AutomaticUpdatePolicy } from '../../../daemon-bridge/contract/domain.ts';
import type { AppStore } from '../app-store.ts';

type Slices = Pick<AppStore, 'app'>;

export const selectDesktop = (s: Slices): DesktopState | null => s.app?.desktop ?? null;

/** The daemon's AutomaticUpdatePolicy, or null before the first read. */
export const selectDaemonPolicy = (s: Slices): AutomaticUpdatePolicy | null =>
  s.app?.system?.automaticUpdatePolicy ?? null;
