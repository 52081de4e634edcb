import { supports } from '../../../daemon-bridge/contract/capabilities.ts';
import type { Capability, DaemonKind } from '../../../daemon-bridge/contract/capabilities.ts';
import { commandLineTools } from '../../../daemon-bridge/contract/command-lines.ts';
import type { CommandLineTool } from '../../../daemon-bridge/contract/command-lines.ts';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';

type Slices = { readonly app: AppState | null };

/** The connected daemon's kind, once known (ready, or away with its last state kept). */
export function selectDaemonKind(s: Slices): DaemonKind | null {
  const daemon = s.app?.daemon;
  return daemon?.kind === 'ready' || daemon?.kind === 'unavailable' ? daemon.daemon.flavour : null;
}

/**
 * Whether the connected daemon offers `capability`. Before a daemon is known
 * nothing is hidden (the views show no data then anyway).
 */
export const selectSupports =
  (capability: Capability) =>
  (s: Slices): boolean => {
    const kind = selectDaemonKind(s);
    return kind === null || supports(kind, capability);
  };

/** The connected daemon's command-line tool, for the command hints (rpm-ostree until one is known). */
export function selectCliTool(s: Slices): CommandLineTool {
  return commandLineTools[selectDaemonKind(s) ?? 'rpm-ostree'];
}
