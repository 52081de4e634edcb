import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectRequest } from '../store/request/request-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Notice } from './notice.tsx';

/**
 * A request of ours that the daemon (or the link) refused: said, never
 * swallowed, and one click from being sent again once the cause is gone.
 */
export function RequestError(): ReactNode {
  const request = useAppStore(selectRequest);
  const dismissed = useAppStore((s) => s.requestErrorDismissed);
  const retried = useAppStore((s) => s.requestRetried);
  if (request.kind !== 'failed') return null;
  return (
    <Notice
      tone="error"
      icon="error"
      role="alert"
      title={t('requestFailed', { message: request.error.message })}
      action={
        <>
          <button type="button" className="button button--small" onClick={() => void retried()}>
            {t('tryAgain')}
          </button>
          <button type="button" className="button button--small" onClick={dismissed}>
            {t('dismiss')}
          </button>
        </>
      }
    />
  );
}
