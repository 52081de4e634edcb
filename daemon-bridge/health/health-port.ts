import type { DiagnosticsFile } from '../contract/health.ts';

/** What the manager needs from the health side (health-monitor.ts implements it). */
export interface HealthPort {
  /** Runs every probe now; resolves once the results are in the state. */
  recheck(): Promise<void>;
  /** The diagnostics file for the system as it is now. */
  exportDiagnostics(): Promise<DiagnosticsFile>;
}
