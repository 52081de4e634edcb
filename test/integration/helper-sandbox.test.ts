import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState, Deployment } from '../../daemon-bridge/contract/domain.ts';
import type { PinTarget } from '../../daemon-bridge/desktop-port.ts';
import { HelperClient } from '../../daemon-bridge/helper/helper-client.ts';
import { sandboxHelperLaunch } from '../../daemon-bridge/helper/helper-launch.ts';
import type { HelperLaunch } from '../../daemon-bridge/helper/helper-launch.ts';
import { helperSourceProgram } from '../../daemon-bridge/helper/helper-source.ts';
import { silentLogger } from '../../daemon-bridge/logger.ts';
import { sandboxLayout } from '../../sandbox/sysroot/layout.ts';
import { ostreeAdminStatus } from '../support/ostree-status.ts';
import { waitForState } from '../support/runtime-probe.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';
import { startSandboxRuntime } from '../support/sandbox-runtime.ts';
import type { SandboxRuntime } from '../support/sandbox-runtime.ts';

/**
 * The privileged helper, launched the sandbox way (directly, no pkexec, via
 * helper-launch.ts), acting on a real ostree sysroot and the sandbox
 * daemon. The truth it is checked against: `ostree admin status` and the
 * daemon's own properties as the app runtime reads them.
 */
describe('privileged helper on the sandbox', () => {
  const dir = sandboxTempDir('helper');
  const layout = sandboxLayout(dir.path);
  let sbx: SandboxRuntime;
  let launch: HelperLaunch;
  let helper: HelperClient;

  beforeAll(async () => {
    sbx = await startSandboxRuntime(dir.path);
    launch = sandboxHelperLaunch({
      dir: dir.path,
      busAddress: sbx.sandbox.address,
      program: helperSourceProgram(),
    });
    helper = new HelperClient({ launch, log: silentLogger });
  });
  afterAll(async () => {
    await helper?.stop();
    await sbx?.stop();
    await dir.remove();
  });

  const deployments = (): readonly Deployment[] => sbx.runtime.manager.snapshot.system!.deployments;
  const targetOf = (index: number, pinned: boolean): PinTarget => {
    const d = deployments()[index]!;
    return { index, osname: d.osname, checksum: d.checksum, serial: d.serial, pinned };
  };
  const daemonPinned = (index: number, pinned: boolean) =>
    waitForState(
      sbx.runtime,
      `deployment ${index} pinned=${pinned}`,
      (s: AppState) => s.system?.deployments[index]?.pinned === pinned,
    );
  const cliPins = () => ostreeAdminStatus(layout.sysroot).map((e) => e.pinned);

  it('pins and unpins a deployment: ostree and the daemon both see it', async () => {
    expect(cliPins()).toEqual([false, false]);
    expect(await helper.pin(targetOf(1, true))).toEqual({ ok: true, value: null });
    expect(helper.status).toEqual({ kind: 'running' });
    expect(cliPins()).toEqual([false, true]);
    await daemonPinned(1, true);

    expect(await helper.pin(targetOf(1, false))).toEqual({ ok: true, value: null });
    expect(cliPins()).toEqual([false, false]);
    await daemonPinned(1, false);
  });

  it('refuses a deployment whose identity does not match its index, changing nothing', async () => {
    const before = ostreeAdminStatus(layout.sysroot);
    const wrongIndex = { ...targetOf(1, true), index: 0 };
    const result = await helper.pin(wrongIndex);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    if (!result.ok)
      expect(result.error.message).toMatch(
        /^The deployment list changed: deployment 0 is fedora [0-9a-f]{64}\.0, not fedora /,
      );
    const wrongSerial = await helper.pin({ ...targetOf(1, true), serial: 7 });
    expect(wrongSerial).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const pastTheEnd = await helper.pin({ ...targetOf(1, true), index: 5 });
    expect(pastTheEnd).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: /deployment 5 is not there any more/ },
    });
    expect(ostreeAdminStatus(layout.sysroot)).toEqual(before);
  });

  it('answers requests off its list with errors, keeps serving, changes nothing, exits when stdin closes', async () => {
    const statusBefore = ostreeAdminStatus(layout.sysroot);
    const configBefore = readFileSync(layout.daemonConfig, 'utf8');
    const t = targetOf(1, true);
    const marker = join(dir.path, 'pwned');
    const pin = (params: Record<string, unknown>) =>
      JSON.stringify({
        id: 10,
        method: 'pin',
        params: {
          index: 1,
          osname: t.osname,
          checksum: t.checksum,
          serial: t.serial,
          pinned: true,
          ...params,
        },
      });
    const lines = [
      JSON.stringify({ id: 1, method: 'exec', params: { argv: ['sh', '-c', `touch ${marker}`] } }),
      pin({ osname: `fedora; touch ${marker}` }),
      pin({ osname: `$(touch ${marker})` }),
      pin({ osname: `fedora\`touch ${marker}\`` }),
      pin({ osname: '--sysroot=/x' }),
      pin({ osname: '-- foo' }),
      pin({ osname: '../../etc' }),
      pin({ index: '1 --unpin' }),
      pin({ checksum: `${t.checksum.slice(2)}|x` }),
      pin({ sysroot: '/' }),
      JSON.stringify({ id: 2, method: 'set-automatic-update-policy', params: { policy: 'apply' } }),
      JSON.stringify({
        id: 3,
        method: 'set-automatic-update-policy',
        params: { policy: 'stage\nIdleExitTimeout=0' },
      }),
      JSON.stringify({
        id: 4,
        method: 'set-automatic-update-policy',
        params: { policy: 'stage', path: '/etc/shadow' },
      }),
      'ostree admin pin 1',
      'x'.repeat(100 * 1024),
    ];
    const { replies, code } = await runHelperRaw(launch, lines);
    expect(replies[0]).toEqual({ hello: 'ostree-update-manager-helper', protocol: 1 });
    expect(replies.slice(1)).toHaveLength(lines.length);
    for (const reply of replies.slice(1))
      expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(replies.slice(1).map((r) => (r as { id: number | null }).id)).toEqual([
      1,
      10,
      10,
      10,
      10,
      10,
      10,
      10,
      10,
      10,
      2,
      3,
      4,
      null,
      null,
    ]);
    expect(code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(ostreeAdminStatus(layout.sysroot)).toEqual(statusBefore);
    expect(readFileSync(layout.daemonConfig, 'utf8')).toBe(configBefore);
  });

  it("sets the daemon's AutomaticUpdatePolicy: the file changes, ReloadConfig makes the daemon say so", async () => {
    expect(sbx.runtime.manager.snapshot.system!.automaticUpdatePolicy).toBe('none');
    const configBefore = readFileSync(layout.daemonConfig, 'utf8');
    expect(await helper.setAutomaticUpdatePolicy('stage')).toEqual({ ok: true, value: null });
    const configAfter = readFileSync(layout.daemonConfig, 'utf8');
    expect(configAfter.split('\n').filter((l) => !configBefore.split('\n').includes(l))).toEqual([
      'AutomaticUpdatePolicy=stage',
    ]);
    await waitForState(
      sbx.runtime,
      'policy stage',
      (s) => s.system?.automaticUpdatePolicy === 'stage',
      5000,
    );

    expect(await helper.setAutomaticUpdatePolicy('check')).toEqual({ ok: true, value: null });
    await waitForState(
      sbx.runtime,
      'policy check',
      (s) => s.system?.automaticUpdatePolicy === 'check',
      5000,
    );
    expect(readFileSync(layout.daemonConfig, 'utf8')).toBe(configAfter.replace('=stage', '=check'));
  });

  it("says the file was written when the daemon cannot be told, and passes ostree's own errors back", async () => {
    const other = join(dir.path, 'etc', 'other.conf');
    const offline = new HelperClient({
      launch: {
        ...launch,
        env: {
          ...launch.env,
          DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${join(dir.path, 'run', 'no-bus.sock')}`,
          OSTREE_UM_HELPER_DAEMON_CONFIG: other,
          OSTREE_UM_HELPER_SYSROOT: join(dir.path, 'no-sysroot'),
        },
      },
      log: silentLogger,
    });
    try {
      const policy = await offline.setAutomaticUpdatePolicy('stage');
      expect(policy).toMatchObject({ ok: false, error: { kind: 'daemon-unavailable' } });
      if (!policy.ok)
        expect(policy.error.message).toMatch(
          new RegExp(
            `^AutomaticUpdatePolicy=stage was written to ${other}, but the update daemon did not reload`,
          ),
        );
      expect(readFileSync(other, 'utf8')).toBe('[Daemon]\nAutomaticUpdatePolicy=stage\n');
      const pin = await offline.pin(targetOf(1, true));
      expect(pin).toEqual({
        ok: false,
        error: {
          kind: 'daemon-unavailable',
          message: `Cannot read the deployments: opendir(${join(dir.path, 'no-sysroot')}): No such file or directory`,
        },
      });
    } finally {
      await offline.stop();
    }
  });
});

/** Runs the helper as the client would, but writes raw lines; resolves with every reply and the exit code. */
async function runHelperRaw(launch: HelperLaunch, lines: readonly string[]) {
  const child = spawn(launch.command, [...launch.args], {
    env: { ...process.env, ...launch.env },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const replies: unknown[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => replies.push(JSON.parse(line)));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  const code = await exited;
  await new Promise((r) => setImmediate(r));
  return { replies, code };
}
