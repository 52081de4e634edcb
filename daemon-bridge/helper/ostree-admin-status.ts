/**
 * Reads the text of `ostree admin status` (ostree 2022.7 has no --json).
 * ostree prints `ostree_sysroot_get_deployments()` in order, the staged
 * deployment first, and `ostree admin pin INDEX` indexes the same list, so
 * the n-th entry here is deployment n for the pin command:
 *
 *   * fedora e122…c784.0 (pending)
 *       Version: 41.2
 *       Pinned: yes
 */

/** One deployment as `ostree admin status` lists it. */
export interface AdminStatusEntry {
  readonly osname: string;
  readonly checksum: string;
  readonly serial: number;
  readonly booted: boolean;
  /** Words in the parentheses after the header (`staged`, `pending`, `rollback`…). */
  readonly flags: readonly string[];
  readonly pinned: boolean;
}

// ot-admin-builtin-status.c: "%c %s %s.%d" + optional " (staged)" etc.
const HEADER = /^([* ]) (\S+) ([0-9a-f]{64})\.(\d+)((?: \([^)]*\))*)\s*$/;

/** The deployments in index order. Lines it does not know are skipped. */
export function parseAdminStatus(text: string): readonly AdminStatusEntry[] {
  const entries: { -readonly [K in keyof AdminStatusEntry]: AdminStatusEntry[K] }[] = [];
  for (const line of text.split('\n')) {
    const head = HEADER.exec(line.replace(/\r$/, ''));
    if (head) {
      entries.push({
        osname: head[2]!,
        checksum: head[3]!,
        serial: Number(head[4]),
        booted: head[1] === '*',
        flags: [...head[5]!.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!),
        pinned: false,
      });
      continue;
    }
    const current = entries[entries.length - 1];
    const field = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (current && field && field[1] === 'Pinned') current.pinned = field[2]!.trim() === 'yes';
  }
  return entries;
}

/** `<osname> <checksum>.<serial>`, the way ostree names a deployment. */
export function deploymentName(entry: {
  readonly osname: string;
  readonly checksum: string;
  readonly serial: number;
}): string {
  return `${entry.osname} ${entry.checksum}.${entry.serial}`;
}
