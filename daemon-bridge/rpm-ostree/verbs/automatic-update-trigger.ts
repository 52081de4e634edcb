import { Variant } from 'dbus-next';
import { ParseError } from '../vardict.ts';
import { osCall } from './os-call.ts';
import type { OsTarget } from './os-call.ts';

export type TriggerMode = 'auto' | 'none' | 'check' | 'stage' | 'apply';

/**
 * `OS.AutomaticUpdateTrigger(a{sv}) → (b enabled, s address)`. With
 * output-to-self=false the transaction's progress comes to us rather than
 * the daemon's journal (reference §5.3.3). `enabled` false = no transaction.
 */
export async function automaticUpdateTrigger(
  target: OsTarget,
  mode: TriggerMode,
): Promise<{ enabled: boolean; address: string }> {
  const [enabled, address] = await osCall(target, 'AutomaticUpdateTrigger', 'a{sv}', [
    { mode: new Variant('s', mode), 'output-to-self': new Variant('b', false) },
  ]);
  if (typeof enabled !== 'boolean' || typeof address !== 'string')
    throw new ParseError('AutomaticUpdateTrigger', 'expected (bs)');
  return { enabled, address };
}
