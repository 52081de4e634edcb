import type { ReactNode } from 'react';
import { roleLabel } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import type { DeploymentRow } from '../store/deployments/deployment-rows.ts';
import { Icon } from './icon.tsx';

/** Role, Pinned, Staged and Unlocked, as pills. */
export function DeploymentBadges(props: { readonly row: DeploymentRow }): ReactNode {
  const { row } = props;
  const unlocked = row.deployment.unlocked;
  return (
    <ul className="badges">
      <li className={`badge badge--${row.role}`}>{roleLabel(row.role)}</li>
      {row.pinned ? (
        <li className="badge badge--pinned">
          <Icon name="pin" className="badge__icon" />
          {t('badgePinned')}
        </li>
      ) : null}
      {row.staged ? <li className="badge badge--staged">{t('badgeStaged')}</li> : null}
      {unlocked !== 'none' ? (
        <li className="badge badge--warning">{t('badgeUnlocked', { state: unlocked })}</li>
      ) : null}
    </ul>
  );
}
