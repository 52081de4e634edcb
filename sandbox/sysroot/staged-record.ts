import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxLayout } from './layout.ts';

/**
 * The sandbox's stand-in for /run/ostree/staged-deployment. ostree 2022.7
 * cannot `deploy --stage` on a system that is not booted, so the sandbox
 * deploys normally (the new deployment becomes the default boot entry) and
 * records here that it is "staged": the daemon reports it with `staged`
 * true, and the sandbox reboot "finalizes" it (drops the record), as
 * ostree-finalize-staged does at shutdown.
 */
export interface StagedRecord {
  readonly checksum: string;
  readonly serial: number;
  /** `lock-finalization`: the reboot must not finalize it. */
  readonly locked: boolean;
}

const recordPath = (layout: SandboxLayout) =>
  join(layout.runDir, 'ostree', 'staged-deployment.json');

/** The staged record, or null. */
export async function readStagedRecord(layout: SandboxLayout): Promise<StagedRecord | null> {
  try {
    const raw = JSON.parse(await readFile(recordPath(layout), 'utf8')) as Partial<StagedRecord>;
    if (typeof raw.checksum !== 'string' || typeof raw.serial !== 'number') return null;
    return { checksum: raw.checksum, serial: raw.serial, locked: raw.locked === true };
  } catch {
    return null;
  }
}

/** Records `record` as the staged deployment. */
export async function writeStagedRecord(
  layout: SandboxLayout,
  record: StagedRecord,
): Promise<void> {
  await mkdir(join(layout.runDir, 'ostree'), { recursive: true });
  await writeFile(recordPath(layout), `${JSON.stringify(record)}\n`);
}

/** Forgets the staged deployment (finalized or removed). */
export async function clearStagedRecord(layout: SandboxLayout): Promise<void> {
  await rm(recordPath(layout), { force: true });
}
