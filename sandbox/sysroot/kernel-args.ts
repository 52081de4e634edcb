/** One `key[=value]` argument; the same object sits in the order list and its key's list. */
interface Entry {
  readonly key: string;
  value: string | null;
}

/** Splits at the first `=`: `key` and the value, or null without one (split_keyeq). */
function splitKeyEq(arg: string): [string, string | null] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, null] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

/**
 * libostree's split_kernel_args: split at spaces outside double quotes,
 * after skipping leading spaces; consecutive spaces yield empty arguments,
 * as they do in libostree.
 */
export function splitKernelArgs(text: string): string[] {
  const out: string[] = [];
  let start = text.length - text.replace(/^ +/, '').length;
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ' ' && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * OstreeKernelArgs (libostree ostree-kernel-args.c): arguments in order,
 * indexed by key, with the same delete / replace / append semantics and
 * error texts, because rpm-ostree's KernelArgs transaction is those calls.
 */
export class KernelArgs {
  private readonly order: Entry[] = [];
  private readonly table = new Map<string, Entry[]>();

  /** ostree_kernel_args_from_string. */
  static fromString(options: string): KernelArgs {
    const kargs = new KernelArgs();
    for (const arg of splitKernelArgs(options)) kargs.append(arg);
    return kargs;
  }

  /** ostree_kernel_args_append: each (space-separated) argument is added, keys may repeat. */
  append(arg: string): void {
    for (const part of splitKernelArgs(arg)) {
      const [key, value] = splitKeyEq(part);
      const entry: Entry = { key, value };
      const entries = this.table.get(key) ?? [];
      entries.push(entry);
      this.table.set(key, entries);
      this.order.push(entry);
    }
  }

  /** ostree_kernel_args_append_argv. */
  appendArgv(argv: readonly string[]): void {
    for (const arg of argv) this.append(arg);
  }

  /**
   * ostree_kernel_args_delete: `key` removes the key's only value, `key=value`
   * that exact value; a key with several values needs the value.
   */
  delete(arg: string): void {
    for (const part of splitKernelArgs(arg)) {
      const [key, value] = splitKeyEq(part);
      const entries = this.table.get(key);
      if (!entries) throw new Error(`No key '${key}' found`);
      if (entries.length === 1) {
        if (value !== null && value !== entries[0]!.value)
          throw new Error(`No karg '${key}=${value}' found`);
        this.removeEntries(entries);
        this.table.delete(key);
        continue;
      }
      const i = entries.findIndex((e) => e.value === value);
      if (i < 0) {
        // libostree names the whole argument here, not the key.
        if (value === null) throw new Error(`Multiple values for key '${arg}' found`);
        throw new Error(`No karg '${arg}' found`);
      }
      this.removeEntries([entries[i]!]);
      entries.splice(i, 1);
    }
  }

  /**
   * ostree_kernel_args_new_replace: `key=new` replaces the key's only value,
   * `key=old=new` a given one, bare `key` drops the value.
   */
  newReplace(arg: string): void {
    for (const part of splitKernelArgs(arg)) {
      const [key, value] = splitKeyEq(part);
      const entries = this.table.get(key);
      if (!entries) throw new Error(`No key '${key}' found`);
      if (value !== null && value.includes('=')) {
        const [oldValue, newValue] = splitKeyEq(value);
        const entry = entries.find((e) => e.value === oldValue);
        if (!entry) throw new Error(`No karg '${key}=${oldValue}' found`);
        entry.value = newValue;
        continue;
      }
      if (entries.length > 1) throw new Error(`Multiple values for key '${key}' found`);
      entries[0]!.value = value;
    }
  }

  /** ostree_kernel_args_to_strv. */
  toStrv(): string[] {
    return this.order.map((e) => (e.value === null ? e.key : `${e.key}=${e.value}`));
  }

  /** ostree_kernel_args_to_string. */
  toString(): string {
    return this.toStrv().join(' ');
  }

  private removeEntries(entries: readonly Entry[]): void {
    for (const e of entries) this.order.splice(this.order.indexOf(e), 1);
  }
}
