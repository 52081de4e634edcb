import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$XDG_DATA_HOME/ostree-update-manager` (default ~/.local/share/…), per the XDG base-dir spec. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/')
      ? env.XDG_DATA_HOME
      : join(homedir(), '.local', 'share');
  return join(base, 'ostree-update-manager');
}
