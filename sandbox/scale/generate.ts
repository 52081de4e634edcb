import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSeeded, SANDBOX_MACHINE, SANDBOX_REFSPEC } from '../seed/seed-sandbox.ts';
import { bootSandbox } from '../sysroot/boot-record.ts';
import { sandboxLayout } from '../sysroot/layout.ts';
import { ostree } from '../sysroot/ostree-cli.ts';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = process.env.SANDBOX_PYTHON ?? '/usr/bin/python3';

/** How big the generated machine is. */
export interface ScaleOptions {
  /** Deployments on the sysroot (default 5). */
  readonly deployments?: number;
  /** Packages in each deployment's `rpmostree.rpmdb.pkglist` (default 2000). */
  readonly packages?: number;
  /** Rows of the cached update's rpm-diff against the booted deployment (default 10000; 0 = none). */
  readonly diffRows?: number;
}

/** What the generator made. */
export interface ScaleMachine {
  readonly dir: string;
  /** Deployment checksums in boot order; the first is booted. */
  readonly deployments: readonly string[];
  /** The cached update's commit, when diffRows > 0. */
  readonly update: string | null;
}

type Row = readonly [name: string, epoch: string, version: string, release: string, arch: string];

/** `count` synthetic packages, all at `1.<generation>.0`. */
function packageRows(count: number, generation: number, offset = 0): Row[] {
  const rows: Row[] = [];
  for (let i = offset; i < offset + count; i++)
    rows.push([
      `scale-pkg-${String(i).padStart(5, '0')}`,
      '0',
      `1.${generation}.0`,
      '1.fc43',
      'x86_64',
    ]);
  return rows;
}

async function deploymentCount(sysroot: string): Promise<number> {
  const status = await ostree(['admin', 'status', `--sysroot=${sysroot}`]);
  return status.split('\n').filter((l) => /^[* ]*\S+ [0-9a-f]{64}\.\d+/.test(l)).length;
}

/** Runs write-commit.py: SOURCE's tree and metadata, new version and pkglist. */
function writeCommit(repo: string, source: string, spec: object): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [join(here, 'write-commit.py'), repo, source], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`write-commit.py: ${err.trim()}`)),
    );
    child.stdin.end(JSON.stringify(spec));
  });
}

/**
 * A large sandbox machine for benchmarks, built in its own directory (the
 * tests' fixtures are untouched): the ordinary demo seed, then `deployments`
 * commits of the machine's tree whose pkglist holds `packages` rows each,
 * deployed with the real `ostree admin deploy --retain`, the seed's own
 * deployments undeployed, the newest booted, and a cached update whose
 * rpm-diff against it has `diffRows` rows (every booted package upgraded,
 * the rest added).
 */
export async function generateScaleMachine(
  dir: string,
  options: ScaleOptions = {},
): Promise<ScaleMachine> {
  const count = options.deployments ?? 5;
  const packages = options.packages ?? 2000;
  const diffRows = options.diffRows ?? 10_000;
  const layout = sandboxLayout(dir);
  await ensureSeeded(layout);
  const origin = join(dir, 'scale.origin');
  await writeFile(origin, `[origin]\nrefspec=${SANDBOX_REFSPEC}\n`);
  const source = `${SANDBOX_MACHINE.remote}:${SANDBOX_MACHINE.ref}`;
  const made: string[] = [];
  for (let g = 0; g < count; g++) {
    const checksum = await writeCommit(layout.repo, source, {
      version: `43.scale.${g}`,
      timestamp: Date.parse('2026-02-01T00:00:00Z') / 1000 + g * 86_400,
      pkglist: packageRows(packages, g),
    });
    await ostree([
      'admin',
      'deploy',
      `--sysroot=${layout.sysroot}`,
      `--os=${SANDBOX_MACHINE.osname}`,
      '--retain',
      `--origin-file=${origin}`,
      checksum,
    ]);
    made.unshift(checksum);
  }
  // The seed's deployments are now the last ones; drop them.
  while ((await deploymentCount(layout.sysroot)) > count)
    await ostree(['admin', 'undeploy', `--sysroot=${layout.sysroot}`, String(count)]);
  await rm(layout.runDir, { recursive: true, force: true });
  await bootSandbox(layout);

  let update: string | null = null;
  if (diffRows > 0) {
    const upgraded = Math.min(packages, diffRows);
    update = await writeCommit(layout.repo, made[0]!, {
      version: '43.scale.update',
      timestamp: Date.parse('2026-03-01T00:00:00Z') / 1000,
      pkglist: [
        ...packageRows(upgraded, count),
        ...packageRows(packages - upgraded, count - 1, upgraded),
        ...packageRows(diffRows - upgraded, 0, packages),
      ],
    });
    const cache = join(dir, 'cache', 'rpm-ostree', 'cached-update.json');
    await mkdir(dirname(cache), { recursive: true });
    await writeFile(cache, `${JSON.stringify({ checksum: update, updateSha256: made[0] })}\n`);
  }
  return { dir, deployments: made, update };
}
