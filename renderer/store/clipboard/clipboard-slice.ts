import type { PlainStringKey } from '../../i18n/strings.ts';
import type { GetState, SetState, StoreDeps } from '../app-store.ts';

/** A message for the polite live region; `id` changes so a repeat is announced again. */
export interface Announcement {
  readonly id: number;
  readonly message: PlainStringKey;
}

export interface ClipboardSlice {
  readonly announcement: Announcement | null;
  /** The user asked to copy a full checksum. Resolves to whether it reached the clipboard. */
  readonly checksumCopyRequested: (checksum: string) => Promise<boolean>;
}

export function createClipboardSlice(
  deps: StoreDeps,
  set: SetState,
  get: GetState,
): ClipboardSlice {
  const announce = (message: PlainStringKey): void =>
    set({ announcement: { id: (get().announcement?.id ?? 0) + 1, message } });
  return {
    announcement: null,
    async checksumCopyRequested(checksum) {
      try {
        await deps.clipboard.writeText(checksum);
        announce('copyAnnounce');
        return true;
      } catch {
        announce('copyFailed');
        return false;
      }
    },
  };
}

export const selectAnnouncement = (state: {
  readonly announcement: Announcement | null;
}): Announcement | null => state.announcement;
