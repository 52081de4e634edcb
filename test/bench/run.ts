/**
 * `npm run bench`: every figure of issue 7 against a generated scale sandbox
 * on a private bus. Measurements, not tests: a figure over its target prints
 * OVER and the exit code stays 0; a benchmark that crashes exits 1.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScaleMachine } from '../../sandbox/scale/generate.ts';
import { removeTree } from '../../sandbox/sysroot/remove-tree.ts';
import { repoRoot } from '../support/reference.ts';
import { bridgeFigures } from './bridge-figures.ts';
import { bundleFigure } from './bundle-size.ts';
import { formatFigure } from './stats.ts';
import type { Figure } from './stats.ts';
import { floodFigures } from './flood-figure.ts';
import { webFigures } from './web-figures.ts';

const DEPLOYMENTS = 5;

function machine(): string {
  const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
  const mem = (totalmem() / 2 ** 30).toFixed(1);
  return `${cpus().length} CPUs (${model ?? cpus()[0]?.model ?? '?'}), ${mem} GiB RAM, Node ${process.version}, ${new Date().toISOString()}`;
}

/**
 * What `npm run bench` built. Other work in the same tree (an end-to-end run's
 * global setup) may rebuild it while the bench runs; then the page figures
 * are not all of this build, and the output says so.
 */
function buildStamp(): string {
  const files = ['dist/renderer/index.html', 'dist-electron/web.cjs'];
  return files.map((f) => statSync(join(repoRoot, f)).mtimeMs).join(',');
}

async function main(): Promise<void> {
  const started = Date.now();
  const stamp = buildStamp();
  const out = (figure: Figure) => process.stdout.write(`${formatFigure(figure)}\n`);
  process.stdout.write(`# npm run bench — ${machine()}\n`);
  out(bundleFigure(join(repoRoot, 'dist', 'renderer')));

  const dir = mkdtempSync(join(tmpdir(), 'oum-bench-'));
  try {
    const t = Date.now();
    await generateScaleMachine(dir, { deployments: DEPLOYMENTS, packages: 2000, diffRows: 10_000 });
    process.stdout.write(
      `# scale sandbox: ${DEPLOYMENTS} deployments × 2000 packages, cached update with 10,000 rows (generated in ${((Date.now() - t) / 1000).toFixed(1)} s)\n`,
    );
    for (const f of await bridgeFigures(dir, DEPLOYMENTS)) out(f);
    for (const f of await webFigures(dir, DEPLOYMENTS)) out(f);
  } finally {
    await removeTree(dir);
  }
  for (const f of await floodFigures()) out(f);
  if (buildStamp() !== stamp)
    process.stdout.write('# WARNING: dist/ was rebuilt by another process during the run\n');
  process.stdout.write(`# done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
