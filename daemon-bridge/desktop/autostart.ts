/**
 * The autostart entry: a Desktop Entry file in `$XDG_CONFIG_HOME/autostart`
 * (XDG Autostart specification) that starts the app in the tray at login.
 * Plain Node; `autostartEntry` is pure so its text is unit-tested.
 *
 * Desktop Entry specification (the keys used here are all from 1.0): https://specifications.freedesktop.org/desktop-entry-spec/latest/
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { APP_ID } from './app-id.ts';

export interface AutostartEntryOptions {
  /** Absolute path of the program (the packaged app's executable, or the AppImage). */
  readonly exec: string;
  /** Arguments before `--tray` (e.g. the script when the program is a bare `electron`). */
  readonly args?: readonly string[];
  /** Names the icon in the icon theme. */
  readonly appId?: string;
  readonly name?: string;
  readonly comment?: string;
}

const DEFAULT_NAME = 'OSTree Update Manager';
const DEFAULT_COMMENT = 'Shows in the tray when a system update is available or staged';

/** The launch flag the entry adds: start in the tray, without the window. */
export const TRAY_FLAG = '--tray';

/** Characters that make an Exec argument need quoting (spec, "The Exec key"). */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One Exec argument, quoted when the spec requires it: inside double quotes
 * `"`, `` ` ``, `$` and `\` take a backslash. `%` is doubled so it is not a
 * field code.
 */
export function quoteExecArg(arg: string): string {
  if ([...arg].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    throw new Error(`an Exec argument cannot contain control characters: ${JSON.stringify(arg)}`);
  const quoted =
    arg === '' || RESERVED.test(arg) ? `"${arg.replace(/["`$\\]/g, (c) => `\\${c}`)}"` : arg;
  return quoted.replace(/%/g, '%%');
}

/**
 * A value of type string or localestring: the general escapes, applied to
 * the whole value after Exec quoting (so a literal backslash in a quoted
 * argument ends up as four, as the spec says).
 */
function escapeValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r');
}

/** The text of the autostart .desktop file. */
export function autostartEntry(options: AutostartEntryOptions): string {
  if (!isAbsolute(options.exec))
    throw new Error(`the autostart Exec needs an absolute path, got ${options.exec}`);
  const exec = [options.exec, ...(options.args ?? []), TRAY_FLAG].map(quoteExecArg).join(' ');
  const lines = [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${escapeValue(options.name ?? DEFAULT_NAME)}`,
    `Comment=${escapeValue(options.comment ?? DEFAULT_COMMENT)}`,
    `Exec=${escapeValue(exec)}`,
    `Icon=${escapeValue(options.appId ?? APP_ID)}`,
    'Terminal=false',
    // The app starts hidden in the tray: no busy cursor at login.
    'StartupNotify=false',
    'X-GNOME-Autostart-enabled=true',
  ];
  return `${lines.join('\n')}\n`;
}

export interface AutostartLocation {
  /** Defaults to $XDG_CONFIG_HOME, or ~/.config. */
  readonly configHome?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** $XDG_CONFIG_HOME when set to an absolute path (relative ones are invalid), else ~/.config. */
export function xdgConfigHome(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const value = env.XDG_CONFIG_HOME;
  return value && isAbsolute(value) ? value : join(home, '.config');
}

/** Where the entry lives: `<config home>/autostart/<app id>.desktop`. */
export function autostartPath(location: AutostartLocation = {}): string {
  const configHome = location.configHome ?? xdgConfigHome(location.env);
  return join(configHome, 'autostart', `${APP_ID}.desktop`);
}

/** Writes the entry (atomically) or removes it. */
export async function setAutostart(
  enabled: boolean,
  options: AutostartLocation & AutostartEntryOptions,
): Promise<void> {
  const path = autostartPath(options);
  if (!enabled) {
    await rm(path, { force: true });
    return;
  }
  const text = autostartEntry(options);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, { mode: 0o644 });
  await rename(temp, path);
}

/** True when our entry exists and is not switched off (Hidden, or GNOME's own key). */
export async function isAutostartEnabled(location: AutostartLocation = {}): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(autostartPath(location), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  const keys = desktopEntryKeys(text);
  return keys.get('Hidden') !== 'true' && keys.get('X-GNOME-Autostart-enabled') !== 'false';
}

/**
 * The keys of a desktop file's `[Desktop Entry]` group, values as written
 * (escapes are not undone). Also used by the packaging checks.
 */
export function desktopEntryKeys(text: string): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  let inGroup = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      inGroup = line === '[Desktop Entry]';
      continue;
    }
    const eq = line.indexOf('=');
    if (inGroup && eq > 0) keys.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return keys;
}
