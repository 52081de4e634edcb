import { connectPeer } from '../../dbus/p2p/index.ts';
import { TransactionSession } from './transaction-session.ts';
import type { SessionMode, TransactionOptions, TransactionOutcome } from './transaction-session.ts';

/**
 * Connects to a transaction address, follows the transaction in `mode`, and
 * always closes the connection afterwards — after Finished or any failure —
 * so the daemon can retire the transaction (reference §12.7).
 */
export async function followTransaction(
  address: string,
  options: TransactionOptions,
  mode: SessionMode,
): Promise<TransactionOutcome> {
  const peer = await connectPeer(address, { timeoutMs: options.connectTimeoutMs ?? 10_000 });
  const session = new TransactionSession(peer, options, mode);
  try {
    return await session.run();
  } finally {
    session.dispose();
    peer.close();
  }
}
