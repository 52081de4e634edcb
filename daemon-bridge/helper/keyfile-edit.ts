/**
 * Sets one key in GKeyFile text (rpm-ostreed.conf) as a pure text → text
 * edit, so every other line, comment, blank line and line ending stays as
 * the administrator wrote it. GLib's reading rules decide what counts:
 * `[group]` headers (whitespace after `]` allowed), `#` comments, `key=value`
 * with blanks around the key and before the value ignored, a repeated group
 * merged into the first, the last of repeated keys winning.
 */

const GROUP_HEADER = /^\s*\[([^\]]+)\]\s*$/;

/** True for a key or group name that cannot break out of its line or its place. */
function isPlainName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name);
}

/**
 * Returns `text` with `key=value` set in `[group]`: the line GLib would
 * read is rewritten in place (keeping its spacing); a missing key goes after
 * its commented-out example (`#Key=…`) or the group's last key, else right
 * under the header; a missing group is appended.
 */
export function setKeyfileValue(text: string, group: string, key: string, value: string): string {
  if (!isPlainName(group) || !isPlainName(key))
    throw new Error(`Refusing to write key ${JSON.stringify(key)} in ${JSON.stringify(group)}`);
  if (hasControlCharacter(value) || value !== value.trim())
    throw new Error(`Refusing to write value ${JSON.stringify(value)}`);

  const lines = text === '' ? [] : text.split('\n');
  // A final newline leaves one empty element; it is not a line of its own.
  const hadFinalNewline = lines.length > 0 && lines[lines.length - 1] === '';
  if (hadFinalNewline) lines.pop();
  const eol = lines.some((l) => l.endsWith('\r')) ? '\r\n' : '\n';

  let inGroup = false;
  let lastKeyLine = -1;
  let lastGroupLine = -1;
  let exampleLine = -1;
  let headerLine = -1;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    const header = GROUP_HEADER.exec(line);
    if (header) {
      inGroup = header[1] === group;
      if (inGroup) headerLine = i;
      continue;
    }
    if (!inGroup) continue;
    lastGroupLine = i;
    const trimmed = line.trimStart();
    if (trimmed.startsWith('#')) {
      if (new RegExp(`^#\\s*${escapeRegExp(key)}\\s*=`).test(trimmed)) exampleLine = i;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq >= 0 && line.slice(0, eq).trim() === key) lastKeyLine = i;
  }

  const cr = eol === '\r\n' ? '\r' : '';
  let endsWithNewLine = hadFinalNewline;
  if (lastKeyLine >= 0) {
    const raw = lines[lastKeyLine]!;
    const line = raw.replace(/\r$/, '');
    const eq = line.indexOf('=');
    const blanks = /^[ \t]*/.exec(line.slice(eq + 1))![0];
    lines[lastKeyLine] =
      `${line.slice(0, eq + 1)}${blanks}${value}${raw.endsWith('\r') ? '\r' : ''}`;
  } else if (headerLine >= 0) {
    const after =
      exampleLine >= 0 ? exampleLine : lastKeyLineOrHeader(lines, headerLine, lastGroupLine);
    lines.splice(after + 1, 0, `${key}=${value}${cr}`);
    if (after + 2 === lines.length) endsWithNewLine = true;
  } else {
    if (lines.length > 0 && lines[lines.length - 1]!.replace(/\r$/, '').trim() !== '')
      lines.push(cr);
    lines.push(`[${group}]${cr}`, `${key}=${value}${cr}`);
    endsWithNewLine = true;
  }
  return `${lines.join('\n')}${endsWithNewLine ? '\n' : ''}`;
}

/**
 * Where a new key goes when the group has no example line: after the last
 * key-value line of the (last) group, so trailing comments and blank lines
 * that introduce the next group stay below it.
 */
function lastKeyLineOrHeader(
  lines: readonly string[],
  headerLine: number,
  lastGroupLine: number,
): number {
  for (let i = lastGroupLine; i > headerLine; i--) {
    const line = lines[i]!.replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (GROUP_HEADER.test(line)) break;
    if (line.includes('=')) return i;
  }
  return headerLine;
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
