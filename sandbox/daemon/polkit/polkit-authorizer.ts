import * as dbus from 'dbus-next';
import type { MessageBus } from 'dbus-next';
import { DBUS_ERROR } from '../service/errors.ts';
import type { CallContext, MethodAuthorizer } from '../service/service-interface.ts';
import { formatAuthorization } from './authorization-log.ts';
import type { AuthorizationRecord, LoggedCheck } from './authorization-log.ts';
import { uidLoginState } from './login-state.ts';
import { osActions, sysrootRule } from './polkit-actions.ts';
import { checkAuthorization, connectionUnixUser, gerrorMessage } from './polkit-authority.ts';

export interface PolkitAuthorizerOptions {
  readonly bus: MessageBus;
  readonly log: (line: string) => void;
  /** sd_uid_get_state (default: systemd-logind's files, login-state.ts). */
  readonly uidLoginState?: (uid: number) => Promise<string | null>;
}

type Outcome = Omit<AuthorizationRecord, 'interface' | 'method' | 'sender' | 'flags'>;

/**
 * rpm-ostreed's `g-authorize-method` handlers for the Sysroot and OS
 * interfaces (sandbox/daemon/polkit/polkit-actions.ts has the tables):
 *
 * 1. the caller's uid from the bus (GetConnectionUnixUser); uid 0 passes;
 * 2. the method's polkit actions, each checked with CheckAuthorization for
 *    the caller's unique name (`system-bus-name`), all must pass;
 * 3. a refusal is `org.freedesktop.DBus.Error.AccessDenied`
 *    "rpmostreed OS operation <Method> not allowed for user" (or "Sysroot
 *    operation"); polkit failing is `org.freedesktop.DBus.Error.Failed`
 *    "Authorization error: …".
 *
 * The real daemon authorizes synchronously on its main loop, so calls are
 * authorized one at a time, in arrival order, each method starting before
 * the next call is looked at.
 */
export class PolkitAuthorizer {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly loginState: (uid: number) => Promise<string | null>;

  constructor(private readonly options: PolkitAuthorizerOptions) {
    this.loginState = options.uidLoginState ?? ((uid) => uidLoginState(uid));
  }

  /** For the Sysroot interface. */
  readonly sysroot: MethodAuthorizer = (call, method) =>
    this.serial(call, 'Sysroot', method, () => this.sysrootOutcome(call, method));

  /** For OS interfaces (not OSExperimental: the real one has no polkit hook). */
  readonly os: MethodAuthorizer = (call, method, args) =>
    this.serial(call, 'OS', method, () => this.osOutcome(call, method, args));

  private serial(
    call: CallContext,
    iface: AuthorizationRecord['interface'],
    method: string,
    decide: () => Promise<Outcome>,
  ): Promise<void> {
    const run = this.queue.then(async () => {
      const outcome = await decide();
      const record: AuthorizationRecord = {
        interface: iface,
        method,
        sender: call.sender,
        flags: call.flags,
        ...outcome,
      };
      this.options.log(formatAuthorization(record));
      if (record.result === 'error')
        throw new dbus.DBusError(DBUS_ERROR.failed, record.error ?? 'Authorization error');
      if (record.result === 'denied')
        throw new dbus.DBusError(
          DBUS_ERROR.accessDenied,
          `rpmostreed ${iface} operation ${method} not allowed for user`,
        );
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** rpmostreed_sysroot_authorize_direct: the caller's uid, or the error outcome. */
  private async uid(call: CallContext, failure: string): Promise<number | Outcome> {
    try {
      return await connectionUnixUser(this.options.bus, call.sender);
    } catch (err) {
      return { uid: null, checks: [], result: 'error', error: `${failure}: ${gerrorMessage(err)}` };
    }
  }

  private async sysrootOutcome(call: CallContext, method: string): Promise<Outcome> {
    // sysroot_authorize_method words a failed direct check as a polkit load failure.
    const uid = await this.uid(call, 'Failed to load polkit');
    if (typeof uid !== 'number') return uid;
    if (uid === 0) return { uid, bypass: 'uid 0', checks: [], result: 'allowed' };
    const rule = sysrootRule(method);
    if (rule.kind === 'allowed')
      return { uid, bypass: 'no authorization needed', checks: [], result: 'allowed' };
    if (rule.kind === 'denied') return { uid, checks: [], result: 'denied' };
    if (rule.activeSessionAllowed && (await this.loginState(uid)) === 'active')
      return { uid, bypass: 'active session', checks: [], result: 'allowed' };
    return this.checkAll(call, uid, [rule.action], rule.allowUserInteraction);
  }

  private async osOutcome(
    call: CallContext,
    method: string,
    args: readonly unknown[],
  ): Promise<Outcome> {
    const uid = await this.uid(call, 'Failed direct authorization');
    if (typeof uid !== 'number') return uid;
    if (uid === 0) return { uid, bypass: 'uid 0', checks: [], result: 'allowed' };
    const actions = osActions(method, args);
    if (actions === null)
      return { uid, bypass: 'no authorization needed', checks: [], result: 'allowed' };
    // os_authorize_method always passes ALLOW_USER_INTERACTION.
    return this.checkAll(call, uid, actions, true);
  }

  /** Each action in turn, stopping at the first refusal; none at all is a refusal. */
  private async checkAll(
    call: CallContext,
    uid: number,
    actions: readonly string[],
    allowUserInteraction: boolean,
  ): Promise<Outcome> {
    const checks: LoggedCheck[] = [];
    for (const action of actions) {
      let answer;
      try {
        answer = await checkAuthorization(this.options.bus, {
          sender: call.sender,
          action,
          allowUserInteraction,
        });
      } catch (err) {
        return {
          uid,
          checks,
          result: 'error',
          error: `Authorization error: ${gerrorMessage(err)}`,
        };
      }
      checks.push({
        action,
        allowUserInteraction,
        isAuthorized: answer.isAuthorized,
        isChallenge: answer.isChallenge,
      });
      if (!answer.isAuthorized) return { uid, checks, result: 'denied' };
    }
    return { uid, checks, result: checks.length > 0 ? 'allowed' : 'denied' };
  }
}
