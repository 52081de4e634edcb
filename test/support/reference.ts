import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The shared reference material (interface file, fixtures). CI clones the
 * repository with shared/ beside it; OSTREE_UM_REFERENCE_DIR overrides.
 */
export function referenceDir(): string {
  const dir = process.env.OSTREE_UM_REFERENCE_DIR ?? join(repoRoot, '..', 'shared', 'reference');
  if (!existsSync(dir))
    throw new Error(`Reference material not found at ${dir}; set OSTREE_UM_REFERENCE_DIR`);
  return dir;
}

/** The verbatim sample between the BEGIN/END markers of a fixture file. */
export function readFixtureSample(name: string): string {
  const text = readFileSync(join(referenceDir(), 'fixtures', name), 'utf8');
  const begin = text.indexOf('=== BEGIN VERBATIM SAMPLE ===\n');
  const end = text.lastIndexOf('\n=== END VERBATIM SAMPLE ===');
  if (begin < 0 || end < 0) throw new Error(`${name}: no sample markers`);
  return text.slice(begin + '=== BEGIN VERBATIM SAMPLE ===\n'.length, end);
}
