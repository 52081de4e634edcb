import { osCall, transactionAddress } from './os-call.ts';
import type { OsTarget } from './os-call.ts';

/** `OS.Rollback(a{sv}) → s`: the rollback deployment boots next. */
export async function rollback(target: OsTarget): Promise<string> {
  return transactionAddress(await osCall(target, 'Rollback', 'a{sv}', [{}]), 'Rollback');
}
