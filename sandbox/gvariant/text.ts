import * as dbus from 'dbus-next';
import { parseType, typeString } from './type.ts';
import type { GType } from './type.ts';

/**
 * GVariant text format (what `ostree commit --add-metadata=KEY=VALUE`
 * parses), always type-annotated at the top so no inference is needed.
 * Values use the same shapes as decodeGVariant returns.
 */
export function gvariantText(type: string, value: unknown): string {
  return `@${type} ${encode(parseType(type), value)}`;
}

function encode(t: GType, v: unknown): string {
  switch (t.kind) {
    case 'fixed':
      if (t.code === 'b') return v ? 'true' : 'false';
      if (typeof v !== 'number' && typeof v !== 'bigint') throw typeError(t, v);
      return String(v);
    case 'string':
      if (typeof v !== 'string') throw typeError(t, v);
      return quote(v);
    case 'variant':
      if (!(v instanceof dbus.Variant)) throw typeError(t, v);
      return `<${gvariantText(v.signature, v.value)}>`;
    case 'maybe':
      return v === null || v === undefined ? 'nothing' : `just ${encode(t.element, v)}`;
    case 'array': {
      if (t.element.kind === 'entry') {
        if (typeof v !== 'object' || v === null) throw typeError(t, v);
        const { key, value } = t.element;
        const items = Object.entries(v).map(([k, x]) => `${encode(key, k)}: ${encode(value, x)}`);
        return `{${items.join(', ')}}`;
      }
      if (!Array.isArray(v) && !Buffer.isBuffer(v)) throw typeError(t, v);
      return `[${[...(v as Iterable<unknown>)].map((x) => encode(t.element, x)).join(', ')}]`;
    }
    case 'tuple': {
      if (!Array.isArray(v) || v.length !== t.members.length) throw typeError(t, v);
      const items = t.members.map((m, i) => encode(m, v[i]));
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    case 'entry': {
      if (!Array.isArray(v) || v.length !== 2) throw typeError(t, v);
      return `{${encode(t.key, v[0])}, ${encode(t.value, v[1])}}`;
    }
  }
}

function quote(s: string): string {
  let out = "'";
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

function typeError(t: GType, v: unknown): Error {
  return new Error(`value ${String(v)} does not fit GVariant type ${typeString(t)}`);
}
