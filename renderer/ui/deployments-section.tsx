import { useId } from 'react';
import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectDeploymentRows } from '../store/deployments/deployment-rows.ts';
import { useAppStore } from '../store/store-context.tsx';
import { DeploymentCard } from './deployment-card.tsx';
import { Icon } from './icon.tsx';

/** The deployment list in boot order; dimmed and marked when it may be out of date. */
export function DeploymentsSection(props: {
  readonly stale: boolean;
  /** Actions on the list, shown under the heading. */
  readonly tools?: ReactNode;
}): ReactNode {
  const rows = useAppStore(selectDeploymentRows);
  const headingId = useId();
  return (
    <section
      className={props.stale ? 'deployments deployments--stale' : 'deployments'}
      aria-labelledby={headingId}
    >
      <div className="section-header">
        <h2 id={headingId} className="section-header__title">
          {t('deploymentsHeading')}
        </h2>
        {props.stale ? (
          <span className="badge badge--warning" title={t('staleNoticeLabel')}>
            <Icon name="clock" className="badge__icon" />
            {t('staleNotice')}
          </span>
        ) : null}
      </div>
      <p className="section-header__subtitle">{t('deploymentsSubtitle')}</p>
      {props.tools}
      {rows.length === 0 ? (
        <p className="empty muted">{t('deploymentsEmpty')}</p>
      ) : (
        <ol className="deployment-list">
          {rows.map((row) => (
            <li key={row.id}>
              <DeploymentCard row={row} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
