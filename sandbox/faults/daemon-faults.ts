/**
 * The faults that act inside the daemon process (see faults.ts): they read
 * the switches at the moment they matter, so a daemon the bus activates
 * later obeys the same file.
 */
import * as dbus from 'dbus-next';
import type { Message, MessageBus } from 'dbus-next';
import type { TransactionJob } from '../daemon/transaction/transaction-output.ts';
import { FAILURE_TEXTS } from './failure-texts.ts';
import type { FailureText } from './failure-texts.ts';
import { readSandboxFaults, takeFault } from './faults.ts';

export interface CallFaultOptions {
  /** The sandbox directory (its faults file). */
  readonly dir: string;
  /** The daemon's program name in its texts, e.g. `rpmostreed`. */
  readonly daemonName: string;
  /** The Sysroot interface and object path (RegisterClient). */
  readonly sysrootInterface: string;
  readonly sysrootPath: string;
  readonly log: (line: string) => void;
  /** Releases the bus name and exits the process (an idle exit). */
  readonly vanish: () => void;
}

/**
 * Installs the call-level faults as dbus-next's first method handler, so it
 * sees each call before the daemon does:
 * - `vanish-on`: the next call of that method makes the daemon release its
 *   name and exit, without answering (the caller gets NoReply, as in the
 *   idle-exit race of reference §2.2) or right after its answer went out
 *   (the caller's next call activates a new daemon);
 * - `deny-register-client`: RegisterClient gets rpmostreed's AccessDenied for
 *   a caller without an active session (sysroot_authorize_method).
 * Must run before SandboxDaemon.create() adds its own handler.
 */
export function installCallFaults(bus: MessageBus, options: CallFaultOptions): void {
  let afterReply: { serial: number; sender: string } | null = null;
  const send = bus.send.bind(bus);
  bus.send = (msg: Message) => {
    send(msg);
    // dbus-next's typings call replySerial a string; on the wire it is the number.
    const replySerial = Number(msg.replySerial);
    if (afterReply && replySerial === afterReply.serial && msg.destination === afterReply.sender) {
      afterReply = null;
      options.log('fault vanish-on: answered; releasing the name and exiting');
      options.vanish();
    }
  };
  bus.addMethodHandler((msg: Message): boolean => {
    const faults = readSandboxFaults(options.dir);
    if (
      faults.denyRegisterClient &&
      msg.member === 'RegisterClient' &&
      msg.interface === options.sysrootInterface &&
      msg.path === options.sysrootPath
    ) {
      bus.send(
        dbus.Message.newError(
          msg as unknown as string, // the typings are wrong: it takes the call
          'org.freedesktop.DBus.Error.AccessDenied',
          `${options.daemonName} Sysroot operation RegisterClient not allowed for user`,
        ),
      );
      return true;
    }
    if (faults.vanishOn?.method !== msg.member) return false;
    const vanish = takeFault(options.dir, 'vanishOn');
    if (!vanish) return false;
    if (vanish.when === 'after-reply') {
      afterReply = { serial: msg.serial ?? -1, sender: msg.sender ?? '' };
      return false;
    }
    options.log(`fault vanish-on: ${msg.member} from ${msg.sender} left unanswered; exiting`);
    options.vanish();
    return true;
  });
}

/**
 * `crash-in-pull`: true once a pull has fetched as many objects as the fault
 * says. The caller then calls crashNow().
 */
export function crashInPullDue(dir: string, fetched: number): boolean {
  const due = readSandboxFaults(dir).crashInPull;
  return due !== undefined && fetched >= due;
}

/**
 * Dies as a crashing daemon does: SIGKILL, nothing released, no Finished.
 * `killChildren` stops what would die with it in the real daemon (the pull
 * runs in-process there). The fault takes itself first, so the daemon the
 * bus activates next does not crash again.
 */
export function crashNow(
  dir: string,
  log: (line: string) => void,
  killChildren: () => void,
): never {
  takeFault(dir, 'crashInPull');
  log('fault crash-in-pull: SIGKILL');
  killChildren();
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: SIGKILL did not end the process');
}

/** Takes one of the `fail-transaction` fault's failures when it is of `delivery`. */
function takeFailure(dir: string, delivery: 'call' | 'finished'): FailureText | null {
  const fault = readSandboxFaults(dir).failTransaction;
  if (!fault) return null;
  const failure: FailureText = FAILURE_TEXTS[fault.name];
  if (failure.delivery !== delivery) return null;
  takeFault(
    dir,
    'failTransaction',
    fault.times > 1 ? { ...fault, times: fault.times - 1 } : undefined,
  );
  return failure;
}

/**
 * `fail-transaction` with a `call` text: the error the transaction-starting
 * method answers with, or null.
 */
export function takeCallFailure(dir: string): dbus.DBusError | null {
  const failure = takeFailure(dir, 'call');
  return failure
    ? new dbus.DBusError(
        `org.gtk.GDBus.UnmappedGError.Quark._g_2dio_2derror_2dquark.Code${failure.code ?? 0}`,
        failure.text,
      )
    : null;
}

/**
 * `fail-transaction` with a `finished` text: the job fails with it as soon
 * as it runs (where rpm-ostree's `transaction::execute` failpoint sits), so
 * the transaction ends with Finished(false, text) and changes nothing.
 */
export function withFinishedFailure(dir: string, job: TransactionJob): TransactionJob {
  return async (out) => {
    const failure = takeFailure(dir, 'finished');
    if (failure) throw new Error(failure.text);
    await job(out);
  };
}
