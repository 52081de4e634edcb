/**
 * Which kernel command lines the editor works from. A KernelArgs change
 * applies to the origin merge deployment — the pending one when there is
 * one, else the booted one — and the main process reads that deployment's
 * arguments right before sending, so the editor plans against the same line.
 */
import type { SystemState } from '../../../daemon-bridge/contract/domain.ts';
import { memoizeLast } from '../memoize.ts';
import type { SnapshotSlice } from '../snapshot/snapshot-slice.ts';

/** A deployment's kernel command line, or null while it is not known. */
export function bootOptionsOf(system: SystemState, deploymentId: string): string | null {
  return system.bootOptions.find((b) => b.deploymentId === deploymentId)?.options ?? null;
}

export interface KernelArgsSource {
  /** The booted deployment's line; null when unknown (or nothing is booted). */
  readonly booted: string | null;
  /** True when a pending deployment exists, whether or not its line is known. */
  readonly hasPending: boolean;
  /** The pending deployment's line; null when nothing is pending or it is not known yet. */
  readonly pending: string | null;
  /** The line a change applies to (pending, else booted); null while it is not known. */
  readonly base: string | null;
}

export function deriveKernelArgsSource(system: SystemState | null): KernelArgsSource {
  if (!system) return { booted: null, hasPending: false, pending: null, base: null };
  const booted = system.bootedId === null ? null : bootOptionsOf(system, system.bootedId);
  const hasPending = system.pendingId !== null;
  const pending = system.pendingId === null ? null : bootOptionsOf(system, system.pendingId);
  return { booted, hasPending, pending, base: hasPending ? pending : booted };
}

export const selectKernelArgsSource = memoizeLast(
  (s: Pick<SnapshotSlice, 'app'>) => s.app?.system ?? null,
  deriveKernelArgsSource,
);
