import type { Variant } from 'dbus-next';
import { takeCallFailure, withFinishedFailure } from '../../faults/daemon-faults.ts';
import type { DaemonContext } from '../daemon-context.ts';
import { connectionUnixUser } from '../polkit/polkit-authority.ts';
import type { CallContext } from '../service/service-interface.ts';
import type { TransactionJob } from './transaction-output.ts';

/** A transaction-starting OS method's request. */
export interface BeginOptions {
  readonly osname: string;
  readonly method: string;
  readonly args: readonly unknown[];
  readonly title: string;
  readonly outputToSelf?: boolean;
  readonly job: TransactionJob;
  readonly onClosed?: () => Promise<void>;
}

/**
 * `InitiatingClientDescription` (reference §7.2): `client(id:<id> dbus:1.x uid:<uid>)`
 * for a registered caller (no systemd unit in the sandbox), `caller :1.x` otherwise.
 */
export async function clientDescription(ctx: DaemonContext, sender: string): Promise<string> {
  const registered = ctx.clients.registration(sender);
  if (!registered) return `caller ${sender}`;
  let uid = '<unknown>';
  try {
    uid = String(await connectionUnixUser(ctx.bus, sender));
  } catch {
    // the caller left: keep <unknown>
  }
  const id = registered.id !== null ? `id:${registered.id} ` : '';
  return `client(${id}dbus${sender} uid:${uid})`;
}

/**
 * prep_for_txn + transaction creation (reference §5.2): reload, then create
 * (or join, or refuse with BUSY) and return the peer address.
 */
export async function beginTransaction(
  ctx: DaemonContext,
  call: CallContext,
  options: BeginOptions,
): Promise<string> {
  await ctx.reload();
  // The fail-transaction fault (sandbox/faults/): a real failure text, at the call or at Finished.
  const refusal = takeCallFailure(ctx.layout.dir);
  if (refusal) throw refusal;
  return ctx.transactions.begin({
    method: options.method,
    args: options.args,
    sender: call.sender,
    objectPath: ctx.osPath(options.osname) ?? '/',
    title: options.title,
    clientDescription: await clientDescription(ctx, call.sender),
    outputToSelf: options.outputToSelf ?? false,
    job: withFinishedFailure(ctx.layout.dir, options.job),
    ...(options.onClosed ? { onClosed: options.onClosed } : {}),
  });
}

/** A boolean option (`a{sv}`); absent or wrongly typed → undefined. */
export function boolOption(options: unknown, key: string): boolean | undefined {
  const v = (options as Record<string, Variant | undefined>)[key];
  return v?.signature === 'b' ? (v.value as boolean) : undefined;
}

/** A string option; absent or wrongly typed → undefined. */
export function stringOption(options: unknown, key: string): string | undefined {
  const v = (options as Record<string, Variant | undefined>)[key];
  return v?.signature === 's' ? (v.value as string) : undefined;
}
