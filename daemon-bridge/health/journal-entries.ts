/**
 * Entries as `journalctl -o json` prints them: one JSON object per line,
 * field → string; a field that is not valid UTF-8 (or has control
 * characters) comes as an array of byte values, one too large as null, and
 * a field that occurs several times as an array of those.
 */
export type JournalEntry = Readonly<Record<string, unknown>>;

/** Parses journalctl's JSON lines; lines that are not objects are skipped. */
export function parseJournalLines(text: string): readonly JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) continue;
    try {
      const value = JSON.parse(trimmed) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        entries.push(value as JournalEntry);
    } catch {
      // A truncated last line (output cut at the size limit): ignore it.
    }
  }
  return entries;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function decode(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((b) => typeof b === 'number'))
    return utf8.decode(Uint8Array.from(value));
  return null;
}

/** A field's text (its last value when repeated); null when absent or unreadable. */
export function field(entry: JournalEntry, name: string): string | null {
  const value = entry[name];
  if (value === undefined || value === null) return null;
  const single = decode(value);
  if (single !== null) return single;
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) {
      const text = decode(value[i]);
      if (text !== null) return text;
    }
  }
  return null;
}
