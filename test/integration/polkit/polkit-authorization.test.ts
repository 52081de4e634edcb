/**
 * polkit for real (issue #6): a real polkitd on the sandbox's private bus,
 * in a private mount namespace, with the reference rpm-ostree policy and
 * this file's rules; the sandbox daemon (root, like rpm-ostreed) started
 * with --polkit asks it before every guarded method; the app's bridge runs
 * as `nobody`, because polkit authorizes uid 0 for everything.
 *
 * Needs root (CI runs as root); fails with a clear message otherwise.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { callMethod } from '../../../daemon-bridge/dbus/call.ts';
import { closeBus, connectBus } from '../../../daemon-bridge/dbus/connect-bus.ts';
import { RPM_OSTREE } from '../../../daemon-bridge/rpm-ostree/profile.ts';
import { startSandbox } from '../../../sandbox/launch.ts';
import type { RunningSandbox } from '../../../sandbox/launch.ts';
import { parseAuthorizationLine } from '../../../sandbox/daemon/polkit/authorization-log.ts';
import type { AuthorizationRecord } from '../../../sandbox/daemon/polkit/authorization-log.ts';
import { publish } from '../../../sandbox/remote/publish.ts';
import { ostreeAdminStatus } from '../../support/ostree-status.ts';
import { authorizationRequests } from '../../support/polkit/authorization-requests.ts';
import { NOBODY, startBridgeAsUser } from '../../support/polkit/bridge-as-user.ts';
import type { BridgeAsUser } from '../../support/polkit/bridge-as-user.ts';
import { requireRoot, startPolkitd } from '../../support/polkit/polkitd.ts';
import type { Polkitd } from '../../support/polkit/polkitd.ts';
import { sandboxTempDir } from '../../support/sandbox-dir.ts';
import { waitFor } from '../../support/wait-for.ts';

const ACTION = (name: string) => `org.projectatomic.rpmostree1.${name}`;
const ACCESS_DENIED = 'org.freedesktop.DBus.Error.AccessDenied';
/** ALLOW_INTERACTIVE_AUTHORIZATION in the D-Bus message header. */
const INTERACTIVE = 0x4;
const OS_PATH = '/org/projectatomic/rpmostree1/fedora';

/**
 * The app's user may upgrade and may not roll back; anything else falls to
 * the reference policy's defaults (auth_admin: with no agent and no session,
 * polkit only answers "challenge").
 */
const RULES = `// written by test/integration/polkit/polkit-authorization.test.ts
polkit.addRule(function (action, subject) {
  if (subject.user != "${NOBODY.name}") return polkit.Result.NOT_HANDLED;
  if (action.id == "${ACTION('upgrade')}") return polkit.Result.YES;
  if (action.id == "${ACTION('rollback')}") return polkit.Result.NO;
  return polkit.Result.NOT_HANDLED;
});
`;

const notAuthorized = (actions: string, method: string) => ({
  ok: false,
  error: {
    kind: 'not-authorized',
    message: `Not authorized for ${actions}: rpmostreed OS operation ${method} not allowed for user`,
    detail: ACCESS_DENIED,
  },
});

describe('polkit: a real polkitd decides; the app runs as nobody', () => {
  const dir = sandboxTempDir('polkit');
  const daemonLog: string[] = [];
  let sandbox: RunningSandbox;
  let polkitd: Polkitd | null = null;
  let bridge: BridgeAsUser;
  let sysroot: string;

  /** What the daemon decided, from its log. */
  const records = (): AuthorizationRecord[] =>
    daemonLog.map(parseAuthorizationLine).filter((r): r is AuthorizationRecord => r !== null);
  const nobodyRecords = () => records().filter((r) => r.uid === NOBODY.uid);
  /** The daemon's decision on the newest call of `method` by nobody (its log line may trail the reply). */
  const decision = (method: string, count = 1) =>
    waitFor(`the daemon's authorization of ${method}`, () => {
      const mine = nobodyRecords().filter((r) => r.method === method);
      return mine.length >= count ? mine.at(-1) : undefined;
    });
  const status = () => ostreeAdminStatus(sysroot);

  beforeAll(async () => {
    requireRoot('test/integration/polkit');
    // nobody must reach the bus socket and the transaction socket under DIR/run.
    chmodSync(dir.path, 0o755);
    sandbox = await startSandbox({
      dir: dir.path,
      polkit: true,
      idleExit: 0,
      transactionLinger: 2,
      power: false,
      log: (line) => daemonLog.push(line),
    });
    sysroot = join(dir.path, 'sysroot');
    await publish(dir.path, {
      version: '43.20260201.0',
      add: ['cowsay-3.8.4-1.fc43.noarch'],
    });
    polkitd = await startPolkitd({ busAddress: sandbox.address, rules: RULES });
    bridge = await startBridgeAsUser(sandbox.address);
  }, 180_000);

  afterAll(async () => {
    await bridge?.stop();
    await polkitd?.stop();
    await sandbox?.stop();
    await dir.remove();
  });

  it('the bridge runs as nobody; RegisterClient without a session is refused (client-management, never interactive) and the app carries on', async () => {
    const requests = authorizationRequests('RegisterClient without a logind session');
    const register = await decision('RegisterClient');
    const logged = bridge.stderr.some((l) =>
      l.includes('rpmostreed Sysroot operation RegisterClient not allowed for user'),
    );
    requests.judged(logged ? 'reported' : 'lost');
    requests.record();
    expect(bridge.uid).toBe(NOBODY.uid);
    expect(bridge.ready.daemon.kind).toBe('ready');
    expect({ ...register, sender: undefined, flags: register.flags & INTERACTIVE }).toEqual({
      interface: 'Sysroot',
      method: 'RegisterClient',
      sender: undefined,
      uid: NOBODY.uid,
      flags: 0,
      checks: [
        {
          action: ACTION('client-management'),
          allowUserInteraction: false,
          isAuthorized: false,
          // auth_admin_keep with no agent: polkit would ask for a password.
          isChallenge: true,
        },
      ],
      result: 'denied',
    });
    expect(logged).toBe(true);
  });

  it('an action the rules allow runs: stageUpdate → Upgrade → upgrade (YES) stages the published version', async () => {
    const requests = authorizationRequests('allowed action (upgrade) runs');
    const before = status();
    const answer = await requests.track(bridge.call('stageUpdate'));
    const after = status();
    requests.record();
    expect(answer).toEqual({ ok: true, value: null });
    expect(after.map((d) => d.version)).toEqual(['43.20260201.0', ...before.map((d) => d.version)]);
    const upgrade = await decision('Upgrade');
    expect(upgrade.checks).toEqual([
      {
        action: ACTION('upgrade'),
        allowUserInteraction: true,
        isAuthorized: true,
        isChallenge: false,
      },
    ]);
    expect(upgrade.result).toBe('allowed');
  });

  it('an action the rules deny says "not authorized" with the action’s name and changes nothing: rollback (NO)', async () => {
    const requests = authorizationRequests('denied action (rollback) reported, nothing changed');
    const before = status();
    const answer = await requests.track(bridge.call('rollback'));
    const after = status();
    const state = (await bridge.call('getState')) as AppState;
    requests.record();
    expect(answer).toEqual(notAuthorized(ACTION('rollback'), 'Rollback'));
    expect(after).toEqual(before);
    expect(state.system?.activeTransaction ?? null).toBeNull();
    const rollback = await decision('Rollback');
    expect(rollback.checks).toEqual([
      {
        action: ACTION('rollback'),
        allowUserInteraction: true,
        isAuthorized: false,
        isChallenge: false,
      },
    ]);
    expect(rollback.result).toBe('denied');
  });

  it('an action no rule mentions falls to the policy default (auth_admin): no agent, so polkit only challenges and the daemon refuses — kernel arguments (bootconfig)', async () => {
    const requests = authorizationRequests('default-policy action (bootconfig) refused');
    const before = status();
    const answer = await requests.track(
      bridge.call('changeKernelArgs', { added: ['nowatchdog'], replaced: [], removed: [] }),
    );
    const after = status();
    requests.record();
    expect(answer).toEqual(notAuthorized(ACTION('bootconfig'), 'KernelArgs'));
    expect(after).toEqual(before);
    const kargs = await decision('KernelArgs');
    expect(kargs.checks).toEqual([
      {
        action: ACTION('bootconfig'),
        allowUserInteraction: true,
        isAuthorized: false,
        isChallenge: true,
      },
    ]);
    // Reading the current arguments first needs no authorization at all.
    const read = await decision('GetDeploymentBootConfig');
    expect({ bypass: read.bypass, checks: read.checks, result: read.result }).toEqual({
      bypass: 'no authorization needed',
      checks: [],
      result: 'allowed',
    });
  });

  it('the app sets ALLOW_INTERACTIVE_AUTHORIZATION on every call polkit may prompt for; the daemon lets polkit interact on OS methods', async () => {
    const requests = authorizationRequests('interactive flag on guarded calls');
    const [booted, rollbackTarget] = bridge.ready.system!.deployments.slice(-2);
    const check = await requests.track(bridge.call('checkForUpdates'));
    const compare = await requests.track(
      bridge.call('compareDeployments', rollbackTarget!.id, booted!.id),
    );
    const cleanup = await requests.track(bridge.call('cleanup', ['repomd']));
    requests.record();
    expect(check).toEqual({ ok: true, value: null });
    expect(compare).toEqual(notAuthorized(ACTION('repo-refresh'), 'GetDeploymentsRpmDiff'));
    expect(cleanup).toEqual(notAuthorized(ACTION('cleanup'), 'Cleanup'));
    await decision('Cleanup');

    const guarded = nobodyRecords().filter((r) => r.checks.length > 0);
    const summary = (rs: readonly AuthorizationRecord[]) =>
      rs.map((r) => ({
        call: `${r.interface}.${r.method}`,
        interactiveFlag: (r.flags & INTERACTIVE) !== 0,
        interactionAllowed: r.checks.map((c) => c.allowUserInteraction),
      }));
    expect(summary(guarded.filter((r) => r.interface === 'OS'))).toEqual(
      expect.arrayContaining(
        [
          'Upgrade',
          'Rollback',
          'KernelArgs',
          'AutomaticUpdateTrigger',
          'GetDeploymentsRpmDiff',
          'Cleanup',
        ].map((m) => ({ call: `OS.${m}`, interactiveFlag: true, interactionAllowed: [true] })),
      ),
    );
    // Every OS call from the app carries the flag; RegisterClient never does.
    expect(
      nobodyRecords()
        .filter((r) => r.interface === 'OS' && (r.flags & INTERACTIVE) === 0)
        .map((r) => r.method),
    ).toEqual([]);
    expect(summary(guarded.filter((r) => r.interface === 'Sysroot'))).toEqual([
      { call: 'Sysroot.RegisterClient', interactiveFlag: false, interactionAllowed: [false] },
    ]);
  });

  it('a root caller passes without asking polkit (uid 0): the diff refused to nobody works for root', async () => {
    const requests = authorizationRequests('root caller bypasses polkit');
    const [booted, rollbackTarget] = bridge.ready.system!.deployments.slice(-2);
    const bus = await connectBus(sandbox.address);
    let diff: readonly unknown[] | undefined;
    try {
      diff = await requests
        .track(
          callMethod(bus, {
            destination: RPM_OSTREE.busName,
            path: OS_PATH,
            interface: `${RPM_OSTREE.interfacePrefix}.OS`,
            member: 'GetDeploymentsRpmDiff',
            signature: 'ss',
            body: [rollbackTarget!.id, booted!.id],
          }).then((reply) => ({ ok: true, value: reply })),
        )
        .then((answer) => answer?.value);
    } finally {
      closeBus(bus);
    }
    requests.record();
    expect(Array.isArray(diff?.[0]) && diff[0].length > 0).toBe(true);
    const root = await waitFor('the root call’s authorization', () =>
      records().find((r) => r.uid === 0 && r.method === 'GetDeploymentsRpmDiff'),
    );
    expect({ bypass: root.bypass, checks: root.checks, result: root.result }).toEqual({
      bypass: 'uid 0',
      checks: [],
      result: 'allowed',
    });
  });

  it('with polkitd gone the daemon answers "Authorization error" and the app reports it; nothing changes', async () => {
    const requests = authorizationRequests('polkitd gone: authorization error reported');
    await polkitd!.stop();
    polkitd = null;
    const before = status();
    const answer = await requests.track(bridge.call('rollback'));
    const after = status();
    requests.record(1);
    expect(answer).toMatchObject({
      ok: false,
      error: {
        kind: 'transaction-failed',
        detail: 'org.freedesktop.DBus.Error.Failed',
        message: expect.stringMatching(
          /^Authorization error: GDBus\.Error:org\.freedesktop\.DBus\.Error\.ServiceUnknown: .*org\.freedesktop\.PolicyKit1/,
        ) as unknown,
      },
    });
    expect(after).toEqual(before);
    const rollback = await decision('Rollback', 2);
    expect(rollback.result).toBe('error');
  });
});
