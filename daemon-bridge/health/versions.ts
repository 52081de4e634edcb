import type { RunMode } from '../contract/domain.ts';
import { version as packageVersion } from '../../package.json';
import type { CommandRunner } from './run-command.ts';
import { runCommand } from './run-command.ts';

/** The app's version (package.json; bundled in by esbuild, so the packaged app has it too). */
export const APP_VERSION: string = packageVersion;

/**
 * The daemon's version. The D-Bus API has no version property, so on a real
 * system this asks the daemon's own command-line tool (`rpm-ostree
 * --version`, which ships in the same package as rpm-ostreed); in sandbox
 * mode the daemon is this app's reference daemon. Null when unknown.
 */
export async function readDaemonVersion(
  mode: RunMode,
  tool: string,
  run: CommandRunner = runCommand,
): Promise<string | null> {
  if (mode.kind === 'sandbox') return `sandbox daemon of OSTree Update Manager ${APP_VERSION}`;
  try {
    const out = await run(tool, ['--version'], { timeoutMs: 5_000, maxBytes: 64 * 1024 });
    if (out.code !== 0) return null;
    return parseVersionOutput(tool, out.stdout);
  } catch {
    return null;
  }
}

/** `rpm-ostree --version` prints YAML (`rpm-ostree:\n Version: '2024.9'\n …`); others a line. */
export function parseVersionOutput(tool: string, stdout: string): string | null {
  const yaml = /^\s*Version:\s*'?([^'\n]+?)'?\s*$/m.exec(stdout);
  if (yaml) return `${tool} ${yaml[1]}`;
  const first = stdout.split('\n').find((l) => l.trim() !== '');
  return first ? first.trim().slice(0, 200) : null;
}
