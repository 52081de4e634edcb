/**
 * The reliability ledger (issue #6): tests of each family write what they
 * did — faults injected and survived, hostile inputs tried, requests the app
 * lost — and the reporter in ./reporter.ts prints one summary line per family
 * when the run ends. A request is "lost" when the user asked for it and it
 * neither ran nor was reported: it must always be 0.
 *
 * Records are JSON lines appended to one file per test process, so parallel
 * workers never interleave partial lines.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../reference.ts';

export const RELIABILITY_FAMILIES = [
  'faults',
  'polkit',
  'fuzz',
  'ipc-payloads',
  'web-mode',
  'helper',
] as const;
export type ReliabilityFamily = (typeof RELIABILITY_FAMILIES)[number];

export interface ReliabilityRecord {
  readonly family: ReliabilityFamily;
  /** What was checked, for the detail listing, e.g. "daemon crash mid-transaction". */
  readonly case: string;
  /** Faults injected that the app survived (reported truthfully, recovered). */
  readonly faults?: number;
  /** Inputs tried: payloads, generated trees, authorization requests… */
  readonly inputs?: number;
  /** Requests the user made that neither ran nor were reported. */
  readonly lost?: number;
}

/** Where the records of the current run go (cleared by the reporter at start). */
export const LEDGER_DIR =
  process.env.OSTREE_UM_LEDGER_DIR ?? join(repoRoot, 'test-results', 'reliability');

export function recordReliability(record: ReliabilityRecord): void {
  mkdirSync(LEDGER_DIR, { recursive: true });
  const file = join(LEDGER_DIR, `${process.pid}-${threadTag()}.jsonl`);
  appendFileSync(file, `${JSON.stringify(record)}\n`);
}

function threadTag(): string {
  const id = (globalThis as { __vitest_worker__?: { ctx?: { workerId?: number } } })
    .__vitest_worker__?.ctx?.workerId;
  return id === undefined ? 'main' : `w${id}`;
}

/**
 * Counts the hostile inputs one test file saw refused; `flush()` (in an
 * afterAll) writes one record. Count only after the refusal was asserted.
 */
export function reliabilityTally(family: ReliabilityFamily, what: string) {
  let inputs = 0;
  return {
    count(n = 1): void {
      inputs += n;
    },
    flush(): void {
      if (inputs > 0) recordReliability({ family, case: what, inputs, faults: 0, lost: 0 });
    },
  };
}
