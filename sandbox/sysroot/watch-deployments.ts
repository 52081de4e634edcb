import { statSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';

/**
 * Calls `onChange` when the mtime of `ostree/deploy` changes. libostree bumps
 * it on every deployment change (deploy, undeploy, pin, cleanup), and
 * rpm-ostreed's file monitor reacts to exactly that. inotify gives the
 * prompt signal; a slow poll covers filesystems where inotify is missing.
 */
export function watchDeployments(
  deployDir: string,
  onChange: () => void,
  pollMs = 2000,
): () => void {
  let last = mtime(deployDir);
  let debounce: NodeJS.Timeout | null = null;
  const check = () => {
    const now = mtime(deployDir);
    if (now === last) return;
    last = now;
    onChange();
  };
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(deployDir, () => {
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(check, 25);
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = null;
  }
  const poll = setInterval(check, pollMs);
  poll.unref();
  return () => {
    watcher?.close();
    clearInterval(poll);
    if (debounce) clearTimeout(debounce);
  };
}

function mtime(path: string): string {
  try {
    return statSync(path, { bigint: true }).mtimeNs.toString();
  } catch {
    return 'missing';
  }
}
