import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState, Result } from '../../../daemon-bridge/contract/domain.ts';
import type { FinalizeCheck } from '../../../daemon-bridge/contract/health.ts';
import type { AppRuntime } from '../../../daemon-bridge/runtime.ts';
import { publish } from '../../../sandbox/remote/publish.ts';
import { ostreeAdminStatus } from '../../support/ostree-status.ts';
import { repoRoot } from '../../support/reference.ts';
import { recordReliability } from '../../support/reliability/ledger.ts';
import { waitForState } from '../../support/runtime-probe.ts';
import { startSandboxRuntime } from '../../support/sandbox-runtime.ts';
import type { SandboxRuntime } from '../../support/sandbox-runtime.ts';
import { tempDir } from '../../support/temp-dir.ts';

const NEW = '43.20260401.0';
const ERROR_LINE =
  'error: Bootloader write config: grub2-mkconfig: Child process exited with code 1';

const finalizeOf = (s: AppState): FinalizeCheck | undefined =>
  s.health.checks.find((c): c is FinalizeCheck => c.kind === 'finalize');
const idOf = (d: { osname: string; checksum: string; serial: number }) =>
  `${d.osname}-${d.checksum}.${d.serial}`;

/**
 * The fault "a previous staged deployment that failed to finalize", end to
 * end below the UI: an update is staged through the app's runtime, the
 * sandbox machine is rebooted with `npm run sandbox -- reboot
 * --finalize-fails=…` (a real journal written by systemd-journal-remote),
 * and the runtime's health check reads the failure — ostree's error line —
 * from that journal with journalctl, while the deployments it shows are
 * what `ostree admin status` says.
 */
describe('health: a staged deployment that failed to finalize', () => {
  const dir = tempDir('health-finalize');
  let env: SandboxRuntime;
  let runtime: AppRuntime;
  /** Every request the test made, and whether it came back (ran or was reported). */
  const requests: { what: string; answered: boolean }[] = [];

  const request = async <T>(what: string, call: () => Promise<Result<T>>): Promise<Result<T>> => {
    const entry = { what, answered: false };
    requests.push(entry);
    const result = await call();
    entry.answered = typeof result === 'object' && result !== null && 'ok' in result;
    return result;
  };

  beforeAll(async () => {
    env = await startSandboxRuntime(dir.path);
    runtime = env.runtime;
    await publish(dir.path, { version: NEW, upgrade: ['kernel-core-6.18.6-200.fc43'] });
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
    dir.remove();
    recordReliability({
      family: 'faults',
      case: 'failed finalize of the previous staged deployment',
      faults: 1,
      inputs: requests.length,
      lost: requests.filter((r) => !r.answered).length,
    });
  });

  it('before any reboot the check has run and found nothing', async () => {
    const state = await waitForState(runtime, 'health checks', (s) => finalizeOf(s) !== undefined);
    expect(finalizeOf(state)).toEqual({
      kind: 'finalize',
      status: 'ok',
      reason: null,
      message: null,
      failedAt: null,
      bootId: null,
    });
    expect(state.health.checks.map((c) => c.kind)).toEqual([
      'boot-space',
      'sysroot-space',
      'finalize',
      'update-age',
      'stalled-transaction',
    ]);
  });

  it('after staging and a reboot whose finalization fails, it shows the journal’s error line', async () => {
    const staged = await request('stageUpdate', () => runtime.handler.handle('stageUpdate', []));
    expect(staged).toEqual({ ok: true, value: null });
    const before = runtime.manager.snapshot.system!;
    const pending = before.deployments.find((d) => d.id === before.pendingId);
    expect(pending).toMatchObject({ staged: true, version: NEW });
    const bootedBefore = before.bootedId;

    const { stderr } = await promisify(execFile)(
      join(repoRoot, 'node_modules', '.bin', 'tsx'),
      ['sandbox/cli.ts', 'reboot', '--dir', dir.path, `--finalize-fails=${ERROR_LINE}`],
      { cwd: repoRoot },
    );
    expect(stderr).toMatch(/^booted ostree\/deploy\/fedora\/deploy\/[0-9a-f]{64}\.\d+$/m);

    const state = await waitForState(
      runtime,
      'the failed finalization',
      (s) => finalizeOf(s)?.status === 'problem' && s.system?.pendingId === null,
      30_000,
    );
    expect(finalizeOf(state)).toMatchObject({
      status: 'problem',
      reason: null,
      message: ERROR_LINE,
      bootId: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
    });
    // As after a real failed ostree-finalize-staged: the staged deployment is gone,
    // the previous one is still booted, and the app shows what ostree has.
    const system = state.system!;
    expect(system.bootedId).toBe(bootedBefore);
    expect(system.deployments.some((d) => d.version === NEW)).toBe(false);
    const ostree = ostreeAdminStatus(join(dir.path, 'sysroot'));
    expect(system.deployments.map((d) => [d.id, d.version, d.pinned])).toEqual(
      ostree.map((d) => [idOf(d), d.version, d.pinned]),
    );
  });

  it('the diagnostics file carries the failure and the daemon’s deployments', async () => {
    const result = await request('exportDiagnostics', () =>
      runtime.handler.handle('exportDiagnostics', []),
    );
    if (!result.ok) throw new Error(result.error.message);
    const doc = JSON.parse(result.value.content) as {
      status: { deployments: { id: string; booted?: boolean }[] };
      health: { checks: { kind: string; message?: string }[] };
    };
    const ostree = ostreeAdminStatus(join(dir.path, 'sysroot'));
    expect(doc.status.deployments.map((d) => d.id)).toEqual(ostree.map(idOf));
    expect(doc.health.checks.find((c) => c.kind === 'finalize')?.message).toBe(ERROR_LINE);
  });

  it('one more reboot that finalizes nothing: the failure is no longer the previous boot’s', async () => {
    const { stderr } = await promisify(execFile)(
      join(repoRoot, 'node_modules', '.bin', 'tsx'),
      ['sandbox/cli.ts', 'reboot', '--dir', dir.path],
      { cwd: repoRoot },
    );
    expect(stderr).toMatch(/^booted /m);
    // The deployments did not change, so nothing tells the app of the reboot: ask it.
    const rechecked = await request('checkHealth', () => runtime.handler.handle('checkHealth', []));
    expect(rechecked).toEqual({ ok: true, value: null });
    expect(finalizeOf(runtime.manager.snapshot)).toMatchObject({ status: 'ok', message: null });
  });
});
