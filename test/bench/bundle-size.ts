import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './stats.ts';

/** Every .js file vite wrote under `outDir`, gzipped (level 9, as a server would serve it). */
export function bundleFigure(outDir: string): Figure {
  const files = (readdirSync(outDir, { recursive: true }) as string[]).filter((f) =>
    f.endsWith('.js'),
  );
  if (files.length === 0) throw new Error(`no JavaScript in ${outDir}; run npm run build:renderer`);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const data = readFileSync(join(outDir, f));
    raw += data.length;
    gz += gzipSync(data, { level: 9 }).length;
  }
  return {
    name: 'renderer JavaScript, gzip',
    samples: [gz / 1024],
    unit: 'KB',
    target: 200,
    note: `${files.length} file(s), ${(raw / 1024).toFixed(0)} KB raw`,
  };
}
