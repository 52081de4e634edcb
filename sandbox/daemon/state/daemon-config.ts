import { readFile } from 'node:fs/promises';
import { KeyFile } from '../../sysroot/keyfile.ts';

/** rpm-ostreed's automatic update policies (rpmostree_auto_update_policy_to_str). */
export type AutomaticUpdatePolicy = 'none' | 'check' | 'stage' | 'apply';

/** The `[Daemon]` settings of rpm-ostreed.conf the sandbox honours. */
export interface DaemonConfig {
  readonly automaticUpdatePolicy: AutomaticUpdatePolicy;
  /** Seconds; undefined when the file does not set it. */
  readonly idleExitTimeout: number | undefined;
  readonly lockLayering: boolean;
  readonly recommends: boolean;
}

const POLICIES: Readonly<Record<string, AutomaticUpdatePolicy>> = {
  none: 'none',
  off: 'none',
  check: 'check',
  stage: 'stage',
  'ex-stage': 'stage',
  apply: 'apply',
};

/** rpmostree_str_to_auto_update_policy: the same spellings and error text. */
export function parseAutomaticUpdatePolicy(value: string): AutomaticUpdatePolicy {
  const policy = POLICIES[value];
  if (!policy) throw new Error(`Invalid value for AutomaticUpdatePolicy: '${value}'`);
  return policy;
}

/**
 * Reads rpm-ostreed.conf like rpmostreed_daemon_reload_config: a missing
 * file means defaults; the policy is lower-cased before parsing; a bad
 * number falls back to the default (the real daemon logs a warning).
 */
export async function readDaemonConfig(path: string): Promise<DaemonConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    text = '';
  }
  const kf = KeyFile.parse(text, path);
  const policy = kf.string('Daemon', 'AutomaticUpdatePolicy');
  const idle = kf.string('Daemon', 'IdleExitTimeout')?.trim();
  return {
    automaticUpdatePolicy:
      policy === undefined ? 'none' : parseAutomaticUpdatePolicy(policy.toLowerCase()),
    idleExitTimeout: idle !== undefined && /^\d+$/.test(idle) ? Number(idle) : undefined,
    lockLayering: kf.boolean('Daemon', 'LockLayering') ?? false,
    recommends: kf.boolean('Daemon', 'Recommends') ?? true,
  };
}
