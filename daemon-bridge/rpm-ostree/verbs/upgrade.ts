import type { Variant } from 'dbus-next';
import { osCall, transactionAddress } from './os-call.ts';
import type { OsTarget } from './os-call.ts';

/** `OS.Upgrade(a{sv} options) → s`: pull and stage the newest base. */
export async function upgrade(
  target: OsTarget,
  options: Readonly<Record<string, Variant>>,
): Promise<string> {
  return transactionAddress(await osCall(target, 'Upgrade', 'a{sv}', [options]), 'Upgrade');
}
