import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import type { DeploymentRow } from '../store/deployments/deployment-rows.ts';
import { selectSupports } from '../store/capabilities/capability-selectors.ts';
import { selectRequest } from '../store/request/request-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Icon } from './icon.tsx';
import { Spinner } from './spinner.tsx';

/**
 * Pin or unpin one deployment (`ostree admin pin`, through the privileged
 * helper). Not offered on a staged deployment: ostree refuses to pin one
 * until it is written out at shutdown.
 */
export function PinButton(props: { readonly row: DeploymentRow }): ReactNode {
  const { row } = props;
  const request = useAppStore(selectRequest);
  const pinRequested = useAppStore((s) => s.pinRequested);
  const supported = useAppStore(selectSupports('pin'));
  if (row.staged || !supported) return null;
  const busy = request.kind === 'running' && request.command === 'setPinned';
  const label = t(row.pinned ? 'unpinLabel' : 'pinLabel', { version: row.title });
  return (
    <div className="deployment__pin">
      <button
        type="button"
        className="button button--small"
        aria-label={label}
        title={t('pinHint')}
        aria-disabled={request.kind === 'running'}
        onClick={() => void pinRequested(row.id, !row.pinned)}
      >
        {busy ? <Spinner /> : <Icon name="pin" />}
        <span>{row.pinned ? t('unpin') : t('pin')}</span>
      </button>
    </div>
  );
}
