import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectRefresh } from '../store/refresh/refresh-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Notice } from './notice.tsx';

/** Why the last Refresh failed, until dismissed or the next Refresh. */
export function RefreshError(): ReactNode {
  const refresh = useAppStore(selectRefresh);
  const dismissed = useAppStore((s) => s.refreshErrorDismissed);
  if (refresh.kind !== 'failed') return null;
  return (
    <Notice
      tone="error"
      icon="error"
      role="alert"
      title={t('refreshFailed', { message: refresh.error.message })}
      action={
        <button type="button" className="button button--flat" onClick={dismissed}>
          {t('dismiss')}
        </button>
      }
    />
  );
}
