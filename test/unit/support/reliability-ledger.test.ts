import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLedger, summaryLine, totalsByFamily } from '../../support/reliability/reporter.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the reliability summary', () => {
  it('adds up the records of every test process per family, in the families’ order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    dirs.push(dir);
    writeFileSync(
      join(dir, '1-w1.jsonl'),
      [
        { family: 'polkit', case: 'deny', inputs: 2, lost: 0 },
        { family: 'faults', case: 'crash', faults: 1, inputs: 3, lost: 0 },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    writeFileSync(
      join(dir, '2-w2.jsonl'),
      JSON.stringify({ family: 'faults', case: 'idle', faults: 1, inputs: 1, lost: 1 }) + '\n',
    );
    writeFileSync(join(dir, 'unrelated.txt'), 'x');
    const totals = totalsByFamily(readLedger(dir));
    expect(totals).toEqual([
      { family: 'faults', cases: 2, faults: 2, inputs: 4, lost: 1 },
      { family: 'polkit', cases: 1, faults: 0, inputs: 2, lost: 0 },
    ]);
    expect(summaryLine(totals[0]!)).toBe(
      'reliability faults        faults survived    2, inputs tried       4, requests lost 1  (2 checks)',
    );
  });

  it('has nothing to say when no test wrote a record', () => {
    expect(totalsByFamily(readLedger(join(tmpdir(), 'no-such-ledger-dir')))).toEqual([]);
  });
});
