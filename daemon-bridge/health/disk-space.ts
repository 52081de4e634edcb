import type { DiskSpaceCheck, HealthStatus } from '../contract/health.ts';
import type { HealthPolicy } from './thresholds.ts';

/** What the disk probe (disk-probe.ts) read for one directory. */
export type DiskReading =
  | {
      readonly kind: 'measured';
      readonly path: string;
      /** Bytes an unprivileged writer may still use (statfs `bavail`). */
      readonly freeBytes: number;
      readonly totalBytes: number;
      /** /boot only: the biggest kernel + initramfs pair under ostree/, null when none was found. */
      readonly biggestKernelBytes: number | null;
    }
  | { readonly kind: 'failed'; readonly path: string; readonly reason: string };

function grade(free: number, required: number | null, recommended: number): HealthStatus {
  if (required !== null && free < required) return 'problem';
  return free < recommended ? 'warning' : 'ok';
}

/** /boot: room for one more kernel + initramfs pair, with a margin (thresholds.ts). */
export function bootSpaceCheck(reading: DiskReading, policy: HealthPolicy): DiskSpaceCheck {
  return spaceCheck('boot-space', reading, policy.bootMinFreeBytes, (m) => m.biggestKernelBytes);
}

/** /sysroot: above ostree's reserved share, and 1 GiB for the next update's objects. */
export function sysrootSpaceCheck(reading: DiskReading, policy: HealthPolicy): DiskSpaceCheck {
  return spaceCheck('sysroot-space', reading, policy.sysrootMinFreeBytes, (m) =>
    Math.ceil((m.totalBytes * policy.sysrootReservedPercent) / 100),
  );
}

/** One directory's check: its free space against what `requiredOf` its reading says and `recommendedBytes`. */
function spaceCheck(
  kind: DiskSpaceCheck['kind'],
  reading: DiskReading,
  recommendedBytes: number,
  requiredOf: (measured: Extract<DiskReading, { kind: 'measured' }>) => number | null,
): DiskSpaceCheck {
  if (reading.kind === 'failed')
    return unmeasured(kind, reading.path, reading.reason, recommendedBytes);
  const required = requiredOf(reading);
  return {
    kind,
    status: grade(reading.freeBytes, required, recommendedBytes),
    reason: null,
    path: reading.path,
    freeBytes: reading.freeBytes,
    totalBytes: reading.totalBytes,
    requiredBytes: required,
    recommendedBytes,
  };
}

function unmeasured(
  kind: DiskSpaceCheck['kind'],
  path: string,
  reason: string,
  recommendedBytes: number,
): DiskSpaceCheck {
  return {
    kind,
    status: 'unknown',
    reason,
    path,
    freeBytes: null,
    totalBytes: null,
    requiredBytes: null,
    recommendedBytes,
  };
}
