import type { SystemState } from '../contract/domain.ts';
import type { UpdateAgeBasis, UpdateAgeCheck } from '../contract/health.ts';
import type { UpdateCheck } from '../contract/updates.ts';
import type { HealthPolicy } from './thresholds.ts';
import { DAY_MS } from './thresholds.ts';

export interface UpdateAgeInput {
  readonly system: SystemState | null;
  readonly lastCheck: UpdateCheck | null;
  /** When an upgrade or deploy by this app last succeeded (ms), if ever. */
  readonly lastStageAt: number | null;
  /** When the previous boot's finalization failed (ms): a stage before it was lost. */
  readonly finalizeFailedAt?: number | null;
  readonly now: number;
}

/**
 * "No successful update in N days". The newest of three pieces of evidence
 * counts (thresholds.ts): the booted or pending deployment's commit date as
 * the daemon reports it, a check by this app that found nothing newer, a
 * successful upgrade or deploy by this app (unless its deployment then
 * failed to finalize). Older than `maxUpdateAgeDays`:
 * a warning. Nothing known yet: unknown.
 */
export function updateAgeCheck(input: UpdateAgeInput, policy: HealthPolicy): UpdateAgeCheck {
  const maxAgeDays = policy.maxUpdateAgeDays;
  const candidates: [number, UpdateAgeBasis][] = [];
  const system = input.system;
  if (system) {
    for (const d of system.deployments)
      if ((d.id === system.bootedId || d.id === system.pendingId) && d.timestamp !== null)
        candidates.push([d.timestamp * 1000, 'deployment']);
  }
  if (input.lastCheck?.outcome === 'up-to-date') candidates.push([input.lastCheck.at, 'check']);
  const failedAt = input.finalizeFailedAt ?? null;
  if (input.lastStageAt !== null && (failedAt === null || input.lastStageAt > failedAt))
    candidates.push([input.lastStageAt, 'stage']);
  const newest = candidates.reduce<[number, UpdateAgeBasis] | null>(
    (best, c) => (best === null || c[0] > best[0] ? c : best),
    null,
  );
  if (!newest)
    return {
      kind: 'update-age',
      status: 'unknown',
      reason: system
        ? 'The update daemon reports no date for the booted deployment.'
        : 'The update daemon has not reported the system yet.',
      lastUpdateAt: null,
      basis: null,
      ageDays: null,
      maxAgeDays,
    };
  const [at, basis] = newest;
  return {
    kind: 'update-age',
    status: input.now - at > maxAgeDays * DAY_MS ? 'warning' : 'ok',
    reason: null,
    lastUpdateAt: at,
    basis,
    ageDays: Math.max(0, Math.floor((input.now - at) / DAY_MS)),
    maxAgeDays,
  };
}
