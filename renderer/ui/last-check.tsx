import type { ReactNode } from 'react';
import { formatTimestamp } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { selectLastCheckAt } from '../store/updates/update-status.ts';
import { useAppStore } from '../store/store-context.tsx';

/** When this app last asked the daemon for updates. */
export function LastCheck(): ReactNode {
  const at = useAppStore(selectLastCheckAt);
  return (
    <p className="last-check muted">
      {at === null
        ? t('neverChecked')
        : t('lastChecked', { when: formatTimestamp(Math.floor(at / 1000)) })}
    </p>
  );
}
