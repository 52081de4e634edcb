/**
 * Fault injection for reliability tests (issue #6): switches that make the
 * sandbox fail the way a real system fails — the daemon crashing mid-pull,
 * a mirror failing half way, a transaction ending with one of rpm-ostreed's
 * real failure texts, a full /boot, the bus name vanishing between two
 * calls, a refused RegisterClient.
 *
 * The switches live in one small JSON file, `DIR/run/sandbox-faults.json`
 * (the machine's /run: powering it off clears them). Every process of the
 * sandbox reads it when it reaches the point a fault is about: the daemon —
 * including one the bus activates later — and the HTTP remote. So faults can
 * be switched at run time (`npm run sandbox -- fault …`, `setSandboxFaults`)
 * and a one-shot fault that fired is gone for the daemon that comes next.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAILURE_TEXTS } from './failure-texts.ts';
import type { FailureName } from './failure-texts.ts';

/** When a daemon that vanishes on a call goes: before answering it (NoReply) or right after. */
export type VanishWhen = 'before-reply' | 'after-reply';

/** How the HTTP remote fails once the fault is due. */
export type RemoteFailure = 'http-500' | 'reset';

/** Every fault the sandbox can inject; absent = off. */
export interface SandboxFaults {
  /**
   * One-shot: the daemon kills itself with SIGKILL (its pull too, nothing
   * released, no Finished) once a pull has fetched this many content objects.
   */
  readonly crashInPull?: number;
  /**
   * The HTTP remote serves this many object requests (`/objects/…`), then
   * fails every further one — HTTP 500, or the connection reset mid-answer —
   * until the fault is cleared. libostree reports it in its own words.
   */
  readonly remoteFailAfter?: { readonly objects: number; readonly how: RemoteFailure };
  /**
   * The next `times` transaction-starting calls fail with a real text of
   * rpm-ostreed (failure-texts.ts) — synchronously or as Finished(false, …),
   * as the real daemon sends that one.
   */
  readonly failTransaction?: { readonly name: FailureName; readonly times: number };
  /**
   * Free space of /boot in bytes: staging a deployment whose kernel and
   * initramfs are not in /boot yet and need more fails with libostree's ENOSPC.
   */
  readonly bootFreeBytes?: number;
  /**
   * One-shot: the daemon releases its name and exits when it next receives
   * a call of this method (any interface), before or after answering it.
   */
  readonly vanishOn?: { readonly method: string; readonly when: VanishWhen };
  /**
   * Sysroot.RegisterClient is refused as for a user without an active
   * session, so nothing keeps the daemon from its idle exit.
   */
  readonly denyRegisterClient?: boolean;
}

export type FaultName = keyof SandboxFaults;

/** The file the switches live in. */
export function faultsFile(dir: string): string {
  return join(dir, 'run', 'sandbox-faults.json');
}

/** The faults switched on in sandbox `dir` (none when the file is missing or unreadable). */
export function readSandboxFaults(dir: string): SandboxFaults {
  try {
    return JSON.parse(readFileSync(faultsFile(dir), 'utf8')) as SandboxFaults;
  } catch {
    return {};
  }
}

/** Replaces the faults of sandbox `dir` (atomically: readers never see half a file). */
export function setSandboxFaults(dir: string, faults: SandboxFaults): void {
  const file = faultsFile(dir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(faults)}\n`);
  renameSync(tmp, file);
}

/**
 * Switches one fault off and returns what it was: a one-shot fault takes
 * itself when it fires, so the daemon that comes next does not fire it again.
 * `rest`, when given, is what stays switched on instead (a count gone down).
 */
export function takeFault<K extends FaultName>(
  dir: string,
  name: K,
  rest?: SandboxFaults[K],
): SandboxFaults[K] {
  const faults = readSandboxFaults(dir);
  const value = faults[name];
  if (value === undefined) return undefined;
  const next: Record<string, unknown> = { ...faults, [name]: rest };
  if (rest === undefined) delete next[name];
  setSandboxFaults(dir, next);
  return value;
}

/** The command-line spellings, `--fault NAME[=VALUE]`, for the help texts. */
export const FAULT_HELP = `Faults (issue #6), each --fault NAME[=VALUE]; see sandbox/README.md "Faults":
  crash-in-pull=N        the daemon SIGKILLs itself once a pull fetched N objects (once)
  remote-fail-after=N[:reset]
                         the HTTP remote fails every object request after N
                         (HTTP 500, or :reset the connection) until cleared
  fail-transaction=NAME[:N]
                         the next N (default 1) transaction-starting calls fail
                         with a real rpm-ostreed text, at the call or as Finished;
                         NAME: ${Object.keys(FAILURE_TEXTS).join(', ')}
  boot-free=BYTES[K|M]   /boot has BYTES free: staging a new kernel that does
                         not fit fails with libostree's "No space left on device"
  vanish-on=METHOD[:after-reply]
                         the daemon releases its name and exits on the next
                         METHOD call, before answering it (NoReply) or after (once)
  deny-register-client   RegisterClient is refused (no active session), so the
                         daemon's idle exit runs under a connected app`;

const SIZE = /^(\d+)([KM]?)$/;

/**
 * Parses one `NAME[=VALUE]` switch into the faults it sets, or returns an
 * error sentence. `faults` is what was set so far (switches accumulate).
 */
export function parseFaultSwitch(spec: string, faults: SandboxFaults): SandboxFaults | string {
  const [name = '', value] = spec.split(/=(.*)/s, 2) as [string, string | undefined];
  const count = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
  switch (name) {
    case 'crash-in-pull': {
      const n = count(value);
      return n !== null && n > 0
        ? { ...faults, crashInPull: n }
        : 'crash-in-pull needs a number of objects ≥ 1';
    }
    case 'remote-fail-after': {
      const [objects, how] = (value ?? '').split(':');
      const n = count(objects);
      if (n === null || (how !== undefined && how !== 'reset' && how !== '500'))
        return 'remote-fail-after needs N or N:reset';
      return {
        ...faults,
        remoteFailAfter: { objects: n, how: how === 'reset' ? 'reset' : 'http-500' },
      };
    }
    case 'fail-transaction': {
      const [failure = '', times] = (value ?? '').split(':');
      const n = times === undefined ? 1 : count(times);
      return failure in FAILURE_TEXTS && n !== null && n > 0
        ? { ...faults, failTransaction: { name: failure as FailureName, times: n } }
        : `fail-transaction needs NAME[:N], NAME one of ${Object.keys(FAILURE_TEXTS).join(', ')}`;
    }
    case 'boot-free': {
      const m = SIZE.exec(value ?? '');
      if (!m) return 'boot-free needs bytes (e.g. 4096, 512K, 2M)';
      const unit = m[2] === 'M' ? 1024 * 1024 : m[2] === 'K' ? 1024 : 1;
      return { ...faults, bootFreeBytes: Number(m[1]) * unit };
    }
    case 'vanish-on': {
      const [method, when] = (value ?? '').split(':');
      if (!method || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(method))
        return 'vanish-on needs a method name, e.g. Upgrade or GetAll';
      if (when !== undefined && when !== 'after-reply' && when !== 'before-reply')
        return 'vanish-on takes METHOD, METHOD:before-reply or METHOD:after-reply';
      return { ...faults, vanishOn: { method, when: when ?? 'before-reply' } };
    }
    case 'deny-register-client':
      return value === undefined ? { ...faults, denyRegisterClient: true } : 'takes no value';
    default:
      return `Unknown fault ${name}`;
  }
}
