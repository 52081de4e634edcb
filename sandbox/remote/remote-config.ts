import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxMachine } from '../machine/machine.ts';
import type { SandboxLayout } from '../sysroot/layout.ts';
import { startHttpRemote } from './http-remote.ts';
import type { HttpRemote } from './http-remote.ts';
import { ostree } from '../sysroot/ostree-cli.ts';
import { readSandboxFaults } from '../faults/faults.ts';

/** Points the machine's remote (`fedora`, `debian`) at `url` in the sysroot repo's config. */
export async function setRemoteUrl(
  layout: SandboxLayout,
  machine: SandboxMachine,
  url: string,
): Promise<void> {
  await ostree(['config', `--repo=${layout.repo}`, 'set', `remote "${machine.remote}".url`, url]);
}

/** Regenerates the upstream repo's summary (clients resolve refs from it: a stale one hides commits). */
export async function updateSummary(layout: SandboxLayout): Promise<void> {
  await ostree(['summary', `--repo=${layout.upstreamRepo}`, '--update']);
}

/** True when the upstream repo has a summary file. */
export async function hasSummary(layout: SandboxLayout): Promise<boolean> {
  return access(join(layout.upstreamRepo, 'summary')).then(
    () => true,
    () => false,
  );
}

/**
 * Serves the upstream repo over HTTP on 127.0.0.1 (summary generated if
 * missing) and points the machine's remote at it.
 */
export async function serveRemote(
  layout: SandboxLayout,
  machine: SandboxMachine,
  delayMs: number,
): Promise<HttpRemote> {
  if (!(await hasSummary(layout))) await updateSummary(layout);
  const remote = await startHttpRemote(layout.upstreamRepo, {
    delayMs,
    failAfter: () => readSandboxFaults(layout.dir).remoteFailAfter,
  });
  try {
    await setRemoteUrl(layout, machine, remote.url);
  } catch (err) {
    await remote.close();
    throw err;
  }
  return remote;
}
