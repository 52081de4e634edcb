import type { FinalizeCheck } from '../contract/health.ts';
import type { FinalizeReading } from './journal-probe.ts';

/** The journal's answer as a check: a failed finalization is a `problem`. */
export function finalizeCheck(reading: FinalizeReading): FinalizeCheck {
  switch (reading.kind) {
    case 'ok':
      return {
        kind: 'finalize',
        status: 'ok',
        reason: null,
        message: null,
        failedAt: null,
        bootId: reading.bootId,
      };
    case 'failed':
      return {
        kind: 'finalize',
        status: 'problem',
        reason: null,
        message: reading.message,
        failedAt: reading.at,
        bootId: reading.bootId,
      };
    case 'unknown':
      return {
        kind: 'finalize',
        status: 'unknown',
        reason: reading.reason,
        message: null,
        failedAt: null,
        bootId: null,
      };
  }
}
