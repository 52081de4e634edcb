/**
 * Reads the table of contents of an Electron asar archive (app.asar), so the
 * packaging checks can list what a package ships without @electron/asar.
 *
 * Layout (electron/asar, "Format"): a Chromium pickle holding the header
 * size, then a pickle holding the header, a JSON string:
 *
 *   bytes 0–3   uint32 4            (payload size of the size pickle)
 *   bytes 4–7   uint32 headerSize   (size of the header pickle)
 *   bytes 8–11  uint32 payloadSize  (headerSize − 4)
 *   bytes 12–15 uint32 jsonLength
 *   bytes 16…   JSON: { files: { name: entry } }
 *
 * A directory entry has `files`; a file has `size`, `offset` (a decimal
 * string) and `unpacked: true` when its bytes live in app.asar.unpacked/
 * instead; a symbolic link has `link`.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface AsarEntry {
  /** Path inside the archive, `/`-separated, no leading slash. */
  readonly path: string;
  readonly kind: 'file' | 'link';
  /** True when the file's bytes are in app.asar.unpacked/, not in the archive. */
  readonly unpacked: boolean;
}

/** Every file and link in the archive at `archivePath`, sorted by path. */
export function listAsar(archivePath: string): readonly AsarEntry[] {
  const fd = openSync(archivePath, 'r');
  try {
    const prefix = Buffer.alloc(16);
    if (readSync(fd, prefix, 0, 16, 0) !== 16)
      throw new Error(`${archivePath}: not an asar archive`);
    const jsonLength = prefix.readUInt32LE(12);
    if (prefix.readUInt32LE(0) !== 4 || jsonLength > prefix.readUInt32LE(4))
      throw new Error(`${archivePath}: not an asar archive (bad header pickle)`);
    const json = Buffer.alloc(jsonLength);
    if (readSync(fd, json, 0, jsonLength, 16) !== jsonLength)
      throw new Error(`${archivePath}: truncated asar header`);
    return asarEntries(JSON.parse(json.toString('utf8')) as unknown);
  } finally {
    closeSync(fd);
  }
}

/** The entries of a parsed asar header. */
export function asarEntries(header: unknown): readonly AsarEntry[] {
  const out: AsarEntry[] = [];
  const walk = (node: unknown, prefix: string): void => {
    const files = isRecord(node) ? node.files : undefined;
    if (!isRecord(files)) throw new Error(`asar header: ${prefix || '/'} is not a directory`);
    for (const [name, entry] of Object.entries(files)) {
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (!isRecord(entry)) throw new Error(`asar header: bad entry ${path}`);
      if ('files' in entry) walk(entry, path);
      else if (typeof entry.link === 'string') out.push({ path, kind: 'link', unpacked: false });
      else out.push({ path, kind: 'file', unpacked: entry.unpacked === true });
    }
  };
  walk(header, '');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
