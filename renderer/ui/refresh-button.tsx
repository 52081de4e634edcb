import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectRefresh } from '../store/refresh/refresh-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Icon } from './icon.tsx';
import { Spinner } from './spinner.tsx';

/**
 * Asks the daemon to reload. While running it stays focusable (aria-disabled
 * rather than disabled) so keyboard focus is not lost; the action ignores repeats.
 */
export function RefreshButton(): ReactNode {
  const refresh = useAppStore(selectRefresh);
  const refreshRequested = useAppStore((s) => s.refreshRequested);
  const running = refresh.kind === 'running';
  return (
    <button
      type="button"
      className="button"
      title={t('refreshLabel')}
      aria-disabled={running}
      onClick={() => void refreshRequested()}
    >
      {running ? <Spinner /> : <Icon name="refresh" />}
      <span>{running ? t('refreshing') : t('refresh')}</span>
    </button>
  );
}
