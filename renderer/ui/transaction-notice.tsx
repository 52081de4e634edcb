import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectActiveTransaction } from '../store/snapshot/snapshot-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Notice } from './notice.tsx';

/** The daemon is running a transaction (ours or another client's, e.g. a timer-driven upgrade). */
export function TransactionNotice(): ReactNode {
  const transaction = useAppStore(selectActiveTransaction);
  if (!transaction) return null;
  return (
    <Notice tone="info" icon="clock" role="status" title={t('transactionTitle')}>
      <p>
        {t('transactionBody', { method: transaction.method, initiator: transaction.initiator })}
      </p>
    </Notice>
  );
}
