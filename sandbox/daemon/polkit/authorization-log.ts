/**
 * One log line per authorized (or refused) method call, so a person reading
 * the daemon's log and a test reading it see the same thing: who called,
 * with which header flags, which actions were checked and what polkit said.
 *
 *   polkit-authorization {"interface":"OS","method":"Rollback","sender":":1.9",…}
 */

export const AUTHORIZATION_LOG_TAG = 'polkit-authorization';

/** One CheckAuthorization the daemon made and its answer. */
export interface LoggedCheck {
  readonly action: string;
  readonly allowUserInteraction: boolean;
  readonly isAuthorized: boolean;
  readonly isChallenge: boolean;
}

export interface AuthorizationRecord {
  readonly interface: 'Sysroot' | 'OS';
  readonly method: string;
  readonly sender: string;
  /** The caller's uid (null when the bus could not tell). */
  readonly uid: number | null;
  /** The call's D-Bus header flags; 0x4 = ALLOW_INTERACTIVE_AUTHORIZATION. */
  readonly flags: number;
  /** Why polkit was not asked, when it was not. */
  readonly bypass?: 'uid 0' | 'active session' | 'no authorization needed';
  readonly checks: readonly LoggedCheck[];
  readonly result: 'allowed' | 'denied' | 'error';
  /** With `error`: the text of the org.freedesktop.DBus.Error.Failed reply. */
  readonly error?: string;
}

export function formatAuthorization(record: AuthorizationRecord): string {
  return `${AUTHORIZATION_LOG_TAG} ${JSON.stringify(record)}`;
}

/** The record in a daemon log line (any prefix), or null for other lines. */
export function parseAuthorizationLine(line: string): AuthorizationRecord | null {
  const at = line.indexOf(`${AUTHORIZATION_LOG_TAG} {`);
  if (at < 0) return null;
  return JSON.parse(line.slice(at + AUTHORIZATION_LOG_TAG.length + 1)) as AuthorizationRecord;
}
