/**
 * A GKeyFile reader (ostree origin files, repo config, rpm-ostreed.conf):
 * `[group]` headers, `key=value` lines, `#` comments, GLib escapes, `;`
 * separated lists. Later duplicates win, as in GLib.
 */
export class KeyFile {
  private constructor(private readonly groups: ReadonlyMap<string, ReadonlyMap<string, string>>) {}

  /** Parses keyfile text; lines outside a group or without `=` are errors. */
  static parse(text: string, where = 'keyfile'): KeyFile {
    const groups = new Map<string, Map<string, string>>();
    let current: Map<string, string> | null = null;
    text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      const trimmed = line.trimStart();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      const header = /^\[([^\]]+)\]\s*$/.exec(trimmed);
      if (header) {
        const name = header[1]!;
        current = groups.get(name) ?? new Map<string, string>();
        groups.set(name, current);
        return;
      }
      const eq = line.indexOf('=');
      if (eq < 0 || current === null)
        throw new Error(
          `${where}:${i + 1}: Key file contains line “${line}” which is not a key-value pair, group, or comment`,
        );
      current.set(line.slice(0, eq).trim(), line.slice(eq + 1).trimStart());
    });
    return new KeyFile(groups);
  }

  hasGroup(group: string): boolean {
    return this.groups.has(group);
  }

  /** Group names in file order. */
  groupNames(): string[] {
    return [...this.groups.keys()];
  }

  /** Key names of `group` in file order (empty if there is no such group). */
  keys(group: string): string[] {
    return [...(this.groups.get(group)?.keys() ?? [])];
  }

  /** The raw (unescaped) value, or undefined. */
  raw(group: string, key: string): string | undefined {
    return this.groups.get(group)?.get(key);
  }

  /** A string value with GLib escapes resolved. */
  string(group: string, key: string): string | undefined {
    const v = this.raw(group, key);
    return v === undefined ? undefined : unescape(v);
  }

  /** A `;`-separated list (a trailing `;` is optional, `\;` is a literal). */
  stringList(group: string, key: string): string[] | undefined {
    const v = this.raw(group, key);
    if (v === undefined) return undefined;
    const items: string[] = [];
    let cur = '';
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (c === '\\' && i + 1 < v.length) {
        cur += c + v[i + 1]!;
        i++;
      } else if (c === ';') {
        items.push(unescape(cur));
        cur = '';
      } else cur += c;
    }
    if (cur !== '') items.push(unescape(cur));
    return items;
  }

  /** `true`/`false` (also `1`/`0`); anything else is undefined, like a GLib lookup error. */
  boolean(group: string, key: string): boolean | undefined {
    const v = this.raw(group, key)?.trim();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    return undefined;
  }
}

function unescape(v: string): string {
  return v.replace(/\\(.)/g, (_, c: string) => {
    switch (c) {
      case 's':
        return ' ';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      default:
        return c;
    }
  });
}
