import type { Variant } from 'dbus-next';
import { osCall, transactionAddress } from './os-call.ts';
import type { OsTarget } from './os-call.ts';

/** `OS.Deploy(s revision, a{sv} options) → s`: a checksum, `version=…` or a version. */
export async function deploy(
  target: OsTarget,
  revision: string,
  options: Readonly<Record<string, Variant>> = {},
): Promise<string> {
  return transactionAddress(
    await osCall(target, 'Deploy', 'sa{sv}', [revision, options]),
    'Deploy',
  );
}
