import { execFileSync } from 'node:child_process';

/** One deployment as `ostree admin status` prints it. */
export interface OstreeStatusEntry {
  readonly osname: string;
  readonly checksum: string;
  readonly serial: number;
  readonly version: string | null;
  readonly pinned: boolean;
  readonly refspec: string | null;
}

/**
 * Parses the text of `ostree admin status` (ostree 2022.7 has no --json):
 *
 *   * fedora e122…c784.0 (pending)
 *       Version: 41.2
 *       Pinned: yes
 *       origin refspec: fedora:fedora/x86_64/silverblue
 */
export function parseOstreeStatus(text: string): readonly OstreeStatusEntry[] {
  const entries: OstreeStatusEntry[] = [];
  let current: { -readonly [K in keyof OstreeStatusEntry]: OstreeStatusEntry[K] } | null = null;
  for (const line of text.split('\n')) {
    const head = line.match(/^[* ] (\S+) ([0-9a-f]{64})\.(\d+)/);
    if (head) {
      current = {
        osname: head[1]!,
        checksum: head[2]!,
        serial: Number(head[3]),
        version: null,
        pinned: false,
        refspec: null,
      };
      entries.push(current);
      continue;
    }
    if (!current) continue;
    const field = line.match(/^\s+([^:]+):\s*(.*)$/);
    if (!field) continue;
    const [, key, value] = field;
    if (key === 'Version') current.version = value!;
    else if (key === 'Pinned') current.pinned = value === 'yes';
    else if (key === 'origin refspec') current.refspec = value!;
  }
  return entries;
}

/** Runs the real ostree CLI on a sysroot and parses what it says. */
export function ostreeAdminStatus(sysroot: string): readonly OstreeStatusEntry[] {
  return parseOstreeStatus(
    execFileSync('ostree', ['admin', 'status', `--sysroot=${sysroot}`], { encoding: 'utf8' }),
  );
}
