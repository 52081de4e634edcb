/** One printed figure: a measurement against its target. */
export interface Figure {
  readonly name: string;
  /** Samples of one quantity (ms, KB, MB…); empty when not measured. */
  readonly samples: readonly number[];
  readonly unit: string;
  /** Upper bound the figure should stay under; null when there is none. */
  readonly target: number | null;
  /** Extra text: a ratio, context, or why it was not measured. */
  readonly note?: string;
  /** What the samples are, when not separate runs (e.g. "readings"). */
  readonly samplesAre?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** `figure  median unit  (min … max, n runs)  target ≤ X  PASS/OVER  [note]`. */
export function formatFigure(f: Figure): string {
  const name = f.name.padEnd(46);
  if (f.samples.length === 0) return `${name}  not measured  ${f.note ?? ''}`.trimEnd();
  const m = median(f.samples);
  const spread =
    f.samples.length > 1
      ? `(${fmt(Math.min(...f.samples))} … ${fmt(Math.max(...f.samples))}, ${f.samples.length} ${f.samplesAre ?? 'runs'})`
      : '(1 sample)';
  const target =
    f.target === null
      ? 'no target'
      : `target ≤ ${f.target} ${f.unit}  ${m <= f.target ? 'PASS' : 'OVER'}`;
  const note = f.note ? `  [${f.note}]` : '';
  return `${name}  ${fmt(m)} ${f.unit}  ${spread}  ${target}${note}`;
}

/** Runs `once` `warmup` times unrecorded, then `runs` times; returns the recorded values. */
export async function sample(
  once: () => Promise<number> | number,
  runs: number,
  warmup = 1,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await once();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await once());
  return out;
}

export const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
