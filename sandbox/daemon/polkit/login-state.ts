import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where systemd-logind records each user's state (sd_uid_get_state reads it). */
export const LOGIND_USERS_DIR = '/run/systemd/users';

/**
 * sd_uid_get_state(uid): `STATE=` of `/run/systemd/users/<uid>`, "offline"
 * when the file does not exist (no session at all, or no logind, as here),
 * null when it cannot be read or says nothing (sd_* returns an error).
 * rpm-ostreed lets a uid whose state is "active" register as a client
 * without asking polkit.
 */
export async function uidLoginState(uid: number, dir = LOGIND_USERS_DIR): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(join(dir, String(uid)), 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'offline' : null;
  }
  const line = text.split('\n').find((l) => l.startsWith('STATE='));
  const state = line?.slice('STATE='.length).trim();
  return state ? state : null;
}
