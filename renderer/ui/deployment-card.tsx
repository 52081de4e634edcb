import { useId } from 'react';
import type { ReactNode } from 'react';
import { formatTimestamp, isoTimestamp } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import type { DeploymentRow } from '../store/deployments/deployment-rows.ts';
import { DeploymentBadges } from './deployment-badges.tsx';
import { DeploymentDetails } from './deployment-details.tsx';
import { PinButton } from './pin-button.tsx';

/** One deployment: title (version or short checksum), badges, date, details. */
export function DeploymentCard(props: { readonly row: DeploymentRow }): ReactNode {
  const { row } = props;
  const headingId = useId();
  const timestamp = row.deployment.timestamp;
  return (
    <article className={`card deployment deployment--${row.role}`} aria-labelledby={headingId}>
      <div className="deployment__header">
        <div className="deployment__titles">
          <h3 id={headingId} className="deployment__title">
            {row.title}
          </h3>
          <p className="deployment__meta">
            <span>{row.deployment.osname}</span>
            <span aria-hidden="true"> · </span>
            {timestamp === null ? (
              <span>{t('dateUnknown')}</span>
            ) : (
              <time dateTime={isoTimestamp(timestamp)}>{formatTimestamp(timestamp)}</time>
            )}
          </p>
        </div>
        <DeploymentBadges row={row} />
      </div>
      <DeploymentDetails row={row} />
      <PinButton row={row} />
    </article>
  );
}
