import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxLayout } from './layout.ts';

const OPS_PY = join(dirname(fileURLToPath(import.meta.url)), 'sysroot-ops.py');
const PYTHON = process.env.SANDBOX_PYTHON ?? '/usr/bin/python3';

/**
 * Moves deployment `index` to the top of the boot order with libostree's
 * ostree_sysroot_write_deployments (python3-gi), as rpm-ostree's rollback
 * does; ostree 2022.7's CLI has no `admin set-default`.
 */
export function setDefaultDeployment(layout: SandboxLayout, index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      [OPS_PY, layout.sysroot, 'set-default', String(index)],
      { env: { ...process.env, OSTREE_SYSROOT_DEBUG: 'mutable-deployments' } },
      (err, _stdout, stderr) => {
        if (err) reject(new Error(stderr.trim() || err.message));
        else resolve();
      },
    );
  });
}
