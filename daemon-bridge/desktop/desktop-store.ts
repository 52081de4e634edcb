/**
 * What the desktop side remembers across restarts, in one small JSON file
 * in the user's data dir: the app's settings, the notification keys already
 * considered (so nothing is announced twice, also after a restart), the
 * recent notification records, and when the last background check ran.
 *
 * A missing file means a first start; an unreadable or malformed one is
 * reported and replaced by defaults (never a crash, never a half-read).
 * Writes go to a temp file renamed over the old one, one at a time.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { defaultDesktopSettings, MAX_NOTIFICATION_RECORDS } from '../contract/desktop.ts';
import type { DesktopSettings, NotificationRecord } from '../contract/desktop.ts';
import type { Logger } from '../logger.ts';
import { MAX_REMEMBERED_KEYS } from './notification-policy.ts';

export interface DesktopMemory {
  readonly settings: DesktopSettings;
  readonly notifiedKeys: readonly string[];
  readonly records: readonly NotificationRecord[];
  readonly lastBackgroundCheckAt: number | null;
}

export const emptyMemory: DesktopMemory = {
  settings: defaultDesktopSettings,
  notifiedKeys: [],
  records: [],
  lastBackgroundCheckAt: null,
};

export const DESKTOP_STATE_FILE = 'desktop-state.json';

const screen = z.enum(['updates', 'deployments', 'packages', 'kernel', 'reboot', 'settings']);
const text = z.string().max(4096);
const recordSchema = z
  .object({
    key: text,
    kind: z.enum(['staged', 'important-update', 'failed']),
    at: z.number().finite(),
    version: text.nullable(),
    severity: z.enum(['important', 'critical']).nullable(),
    securityAdvisories: z.number().int().min(0),
    title: text.nullable(),
    message: text.nullable(),
    screen,
  })
  .strict();

const fileSchema = z
  .object({
    version: z.literal(1),
    settings: z
      .object({ quiet: z.boolean(), autostart: z.boolean(), backgroundChecks: z.boolean() })
      .strict(),
    notifiedKeys: z.array(text).max(MAX_REMEMBERED_KEYS),
    records: z.array(recordSchema).max(MAX_NOTIFICATION_RECORDS),
    lastBackgroundCheckAt: z.number().finite().nullable(),
  })
  .strict();

export class DesktopStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly log: Logger,
  ) {}

  static inDir(dataDir: string, log: Logger): DesktopStore {
    return new DesktopStore(join(dataDir, DESKTOP_STATE_FILE), log);
  }

  async load(): Promise<DesktopMemory> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.log.warn(`cannot read ${this.path}: ${String(err)}; starting from defaults`);
      return emptyMemory;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      this.log.warn(`${this.path} is not JSON; starting from defaults`);
      return emptyMemory;
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      this.log.warn(
        `${this.path} is malformed (${parsed.error.issues[0]?.message ?? 'invalid'}); starting from defaults`,
      );
      return emptyMemory;
    }
    const { version: _version, ...memory } = parsed.data;
    return memory;
  }

  /** Queues a write of `memory`; resolves once it (and every earlier one) is on disk. */
  save(memory: DesktopMemory): Promise<void> {
    const body = `${JSON.stringify({ version: 1, ...memory }, null, 2)}\n`;
    const next = this.writing.then(() => this.write(body));
    this.writing = next.catch((err: unknown) => {
      this.log.warn(`cannot write ${this.path}: ${String(err)}`);
    });
    return this.writing;
  }

  /** Resolves once every queued write is done. */
  flush(): Promise<void> {
    return this.writing;
  }

  private async write(body: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, body, { mode: 0o600 });
    await rename(temp, this.path);
  }
}
