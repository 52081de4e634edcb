/**
 * Prints the reliability summary (issue #6): one line per family with the
 * faults survived, the inputs tried and the requests lost, from the records
 * the tests wrote through ./ledger.ts. A family with lost requests fails the
 * run, whatever its tests said.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { LEDGER_DIR, RELIABILITY_FAMILIES, type ReliabilityRecord } from './ledger.ts';

export interface FamilyTotals {
  readonly family: string;
  readonly cases: number;
  readonly faults: number;
  readonly inputs: number;
  readonly lost: number;
}

export function readLedger(dir: string): ReliabilityRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ReliabilityRecord),
    );
}

export function totalsByFamily(records: readonly ReliabilityRecord[]): FamilyTotals[] {
  return RELIABILITY_FAMILIES.flatMap((family) => {
    const mine = records.filter((r) => r.family === family);
    if (mine.length === 0) return [];
    const sum = (k: 'faults' | 'inputs' | 'lost') => mine.reduce((s, r) => s + (r[k] ?? 0), 0);
    return [
      {
        family,
        cases: mine.length,
        faults: sum('faults'),
        inputs: sum('inputs'),
        lost: sum('lost'),
      },
    ];
  });
}

export function summaryLine(t: FamilyTotals): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `reliability ${t.family.padEnd(13)} faults survived ${n(t.faults).padStart(4)}, ` +
    `inputs tried ${n(t.inputs).padStart(7)}, requests lost ${n(t.lost)}  (${n(t.cases)} checks)`
  );
}

export class ReliabilityReporter implements Reporter {
  onInit(): void {
    rmSync(LEDGER_DIR, { recursive: true, force: true });
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>): void {
    const totals = totalsByFamily(readLedger(LEDGER_DIR));
    if (totals.length === 0) return;
    process.stdout.write(`\n${totals.map(summaryLine).join('\n')}\n`);
    const lost = totals.filter((t) => t.lost > 0);
    if (lost.length > 0) {
      process.stdout.write(
        `reliability: requests were lost in ${lost.map((t) => t.family).join(', ')}\n`,
      );
      process.exitCode = 1;
    }
  }
}
