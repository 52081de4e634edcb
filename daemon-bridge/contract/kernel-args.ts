/**
 * Kernel arguments: how the daemon (libostree's OstreeKernelArgs) reads a
 * boot entry's `options` line, what this app refuses before sending, and the
 * exact result of a KernelArgs change (reference §5.5): delete, then
 * replace, then append. Pure; shared by the renderer (validation messages,
 * preview) and the main process (payload schema).
 */

/** One argument split at its first `=`: `quiet` → value null; `console=` → value "". */
export interface KernelArg {
  readonly key: string;
  readonly value: string | null;
}

/** Why one argument is refused. The renderer turns each into a sentence. */
export type KernelArgProblem =
  'empty' | 'too-long' | 'control-character' | 'space' | 'unbalanced-quote' | 'bad-key' | 'managed';

/** Why a whole change is refused before it is sent. */
export type KernelArgsChangeProblem =
  | { readonly kind: 'argument'; readonly arg: string; readonly problem: KernelArgProblem }
  | { readonly kind: 'duplicate'; readonly arg: string }
  | { readonly kind: 'not-present'; readonly arg: string }
  | { readonly kind: 'ambiguous'; readonly key: string }
  | { readonly kind: 'no-change' }
  | { readonly kind: 'line-too-long'; readonly length: number };

/** Longest single argument accepted. */
export const MAX_KERNEL_ARG_LENGTH = 512;
/** x86's COMMAND_LINE_SIZE: the kernel truncates a longer command line. */
export const MAX_KERNEL_CMDLINE_LENGTH = 2048;

/**
 * Arguments libostree and the boot loader write themselves: `ostree=` points
 * at the deployment and is rewritten on every deploy; the others come from
 * the boot loader. Editing them would make the system unbootable or be undone.
 */
export const MANAGED_KERNEL_ARG_KEYS: readonly string[] = ['ostree', 'BOOT_IMAGE', 'initrd'];

/** Any C0 control character or DEL (newlines and tabs included). */
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f');
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * Splits a command line at spaces outside double quotes, as libostree's
 * split_kernel_args does (an unterminated quote runs to the end).
 */
export function splitKernelArgs(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ' ' && !quoted) {
      if (current !== '') out.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') out.push(current);
  return out;
}

/** `key=value` split at the first `=`. */
export function parseKernelArg(arg: string): KernelArg {
  const eq = arg.indexOf('=');
  return eq < 0 ? { key: arg, value: null } : { key: arg.slice(0, eq), value: arg.slice(eq + 1) };
}

export function formatKernelArg(arg: KernelArg): string {
  return arg.value === null ? arg.key : `${arg.key}=${arg.value}`;
}

/** What is wrong with one argument as the user typed it, or null when it may be sent. */
export function kernelArgProblem(arg: string): KernelArgProblem | null {
  if (arg.length === 0) return 'empty';
  if (arg.length > MAX_KERNEL_ARG_LENGTH) return 'too-long';
  if (hasControl(arg)) return 'control-character';
  if ([...arg].filter((c) => c === '"').length % 2 !== 0) return 'unbalanced-quote';
  if (splitKernelArgs(arg).length !== 1 || arg.trim() !== arg) return 'space';
  const { key } = parseKernelArg(arg);
  if (!KEY.test(key)) return 'bad-key';
  if (MANAGED_KERNEL_ARG_KEYS.includes(key)) return 'managed';
  return null;
}

/** A KernelArgs request: the three arrays of the D-Bus method. */
export interface KernelArgsChange {
  readonly added: readonly string[];
  readonly replaced: readonly string[];
  readonly removed: readonly string[];
}

export type KernelArgsPlan =
  | { readonly ok: true; readonly args: readonly string[] }
  | { readonly ok: false; readonly problem: KernelArgsChangeProblem };

/**
 * The arguments after `change`, computed as libostree does it for the
 * daemon (delete each, replace each, append all), or the first reason the
 * change would be refused — by the daemon (a missing key, several values
 * for one key) or by this app (bad arguments, duplicates, nothing changes).
 */
export function planKernelArgs(existing: string, change: KernelArgsChange): KernelArgsPlan {
  const refuse = (problem: KernelArgsChangeProblem): KernelArgsPlan => ({ ok: false, problem });
  const all = [...change.added, ...change.replaced, ...change.removed];
  for (const arg of all) {
    const problem = kernelArgProblem(arg);
    if (problem) return refuse({ kind: 'argument', arg, problem });
  }
  if (all.length === 0) return refuse({ kind: 'no-change' });
  const args = splitKernelArgs(existing).map(parseKernelArg);
  const sameValue = (a: KernelArg, value: string | null) => a.value === value;
  for (const arg of change.removed) {
    const { key, value } = parseKernelArg(arg);
    const entries = args.filter((a) => a.key === key);
    if (entries.length === 0) return refuse({ kind: 'not-present', arg });
    const index =
      entries.length === 1
        ? value === null || sameValue(entries[0]!, value)
          ? args.indexOf(entries[0]!)
          : -1
        : args.findIndex((a) => a.key === key && sameValue(a, value));
    if (index < 0)
      return refuse(
        value === null && entries.length > 1
          ? { kind: 'ambiguous', key }
          : { kind: 'not-present', arg },
      );
    args.splice(index, 1);
  }
  for (const arg of change.replaced) {
    const { key, value } = parseKernelArg(arg);
    const entries = args.filter((a) => a.key === key);
    if (entries.length === 0) return refuse({ kind: 'not-present', arg: key });
    const oldNew = value?.includes('=') ? parseKernelArg(value) : null;
    if (oldNew) {
      const index = args.findIndex((a) => a.key === key && a.value === oldNew.key);
      if (index < 0) return refuse({ kind: 'not-present', arg: `${key}=${oldNew.key}` });
      args[index] = { key, value: oldNew.value };
    } else {
      if (entries.length > 1) return refuse({ kind: 'ambiguous', key });
      args[args.indexOf(entries[0]!)] = { key, value };
    }
  }
  const present = new Set(args.map(formatKernelArg));
  for (const arg of change.added) {
    if (present.has(arg)) return refuse({ kind: 'duplicate', arg });
    present.add(arg);
    args.push(parseKernelArg(arg));
  }
  const result = args.map(formatKernelArg);
  const length = result.join(' ').length;
  if (length > MAX_KERNEL_CMDLINE_LENGTH) return refuse({ kind: 'line-too-long', length });
  return { ok: true, args: result };
}
