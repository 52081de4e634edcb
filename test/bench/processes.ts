import { readdirSync, readFileSync } from 'node:fs';

/** One process of a tree, from /proc. */
export interface ProcInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly command: string;
  /** Resident set size in MB. */
  readonly rssMb: number;
  /** Of that, the process's own memory (RssAnon: heaps, stacks) in MB. */
  readonly anonMb: number;
  /** Of that, file-backed pages (RssFile: mostly the executable's code and data) in MB. */
  readonly fileMb: number;
  /** utime + stime in clock ticks. */
  readonly cpuTicks: number;
}

/** /proc/<pid>/stat's ticks per second on Linux. */
export const CLOCK_TICKS = 100;

export function procInfo(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command, which may contain spaces.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return {
      pid,
      ppid: Number(rest[1]),
      command,
      rssMb: kb('VmRSS') / 1024,
      anonMb: kb('RssAnon') / 1024,
      fileMb: kb('RssFile') / 1024,
      cpuTicks: Number(rest[11]) + Number(rest[12]),
    };
  } catch {
    return null;
  }
}

/** `root` and every process below it. */
export function processTree(root: number): ProcInfo[] {
  const all = readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map((n) => procInfo(Number(n)))
    .filter((p): p is ProcInfo => p !== null);
  const tree: ProcInfo[] = [];
  const visit = (pid: number) => {
    const p = all.find((x) => x.pid === pid);
    if (p) tree.push(p);
    for (const child of all.filter((x) => x.ppid === pid)) visit(child.pid);
  };
  visit(root);
  return tree;
}

/** Label of the app process: web mode's bundled bridge + web server (dist-electron/web.cjs). */
export const APP = 'app (bridge + web server)';
/** Labels of what `npm start` adds in development only: tsx, and the launcher holding the sandbox. */
export const DEV_ONLY = ['tsx launcher', 'launcher (start.ts)'];

/** A short label for a process of the app's tree. */
export function label(p: ProcInfo): string {
  if (p.command.includes('dbus-daemon')) return 'dbus-daemon';
  if (p.command.includes('dist-electron/web.cjs')) return APP;
  if (p.command.includes('daemon-main.ts')) return 'sandbox daemon';
  if (p.command.includes('logind-main.ts')) return 'logind stand-in';
  if (p.command.includes('power-main.ts')) return 'NetworkManager/UPower stand-in';
  // tsx's launcher re-runs Node with its loader; that child runs start.ts.
  if (p.command.includes('scripts/start.ts'))
    return /--import|--require/.test(p.command) ? 'launcher (start.ts)' : 'tsx launcher';
  if (p.command.includes('python')) return 'python (pull)';
  return p.command.split(' ')[0] ?? '?';
}
