import { connectPeer } from '../../dbus/p2p/index.ts';
import type { DaemonProfile } from '../profile.ts';
import { callCancel, readTransactionInfo } from './transaction-calls.ts';
import type { TransactionInfo } from './transaction-calls.ts';

/**
 * Cancels whatever transaction runs at `address`, like `rpm-ostree cancel`:
 * connect, read Title, call Cancel, close. Resolves with what was cancelled;
 * it does not wait for the transaction to end (attach for that).
 */
export async function cancelTransaction(
  address: string,
  options: { readonly profile: DaemonProfile; readonly timeoutMs?: number },
): Promise<TransactionInfo> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const peer = await connectPeer(address, { timeoutMs });
  try {
    const info = await readTransactionInfo(peer, options.profile, timeoutMs, () => undefined);
    await callCancel(peer, options.profile, timeoutMs);
    return info;
  } finally {
    peer.close();
  }
}
