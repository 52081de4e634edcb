import { basename } from 'node:path';
import type { AppError } from '../contract/domain.ts';
import type { HelperLaunch } from './helper-launch.ts';

/** How a failed start reads for people: a missing pkexec or helper is "not available". */
export function spawnError(launch: HelperLaunch, err: NodeJS.ErrnoException): AppError {
  const name = basename(launch.command);
  if (err.code === 'ENOENT')
    return {
      kind: 'daemon-unavailable',
      message:
        name === 'pkexec'
          ? 'Cannot start the privileged helper: pkexec is not installed (it comes with polkit).'
          : `Cannot start the privileged helper: ${launch.command} was not found.`,
      detail: err.code,
    };
  return {
    kind: 'daemon-unavailable',
    message: `Cannot start the privileged helper: ${err.message}`,
    ...(err.code ? { detail: err.code } : {}),
  };
}

/**
 * How an exit reads for people. pkexec exits 126 when the user dismissed
 * the password dialog and 127 when polkit said no (or the program it was
 * asked to run is missing: then it says so on stderr).
 */
export function exitError(
  launch: HelperLaunch,
  code: number | null,
  signal: NodeJS.Signals | null,
  stderrTail: readonly string[],
): AppError {
  const last = stderrTail[stderrTail.length - 1];
  if (code === 126)
    return {
      kind: 'not-authorized',
      message: 'Authentication was cancelled, so nothing was changed.',
      detail: 'exit 126',
    };
  if (code === 127) {
    if (stderrTail.some((l) => /Error accessing|Cannot run program|No such file/i.test(l)))
      return {
        kind: 'daemon-unavailable',
        message: `The privileged helper is not installed (${launch.args[0] ?? launch.command}): ${last}`,
        detail: 'exit 127',
      };
    return {
      kind: 'not-authorized',
      message: 'You are not allowed to make this change (the system’s policy refused it).',
      detail: 'exit 127',
    };
  }
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  return {
    kind: 'daemon-unavailable',
    message: `The privileged helper stopped (${how})${last ? `: ${last}` : ''}.`,
  };
}
