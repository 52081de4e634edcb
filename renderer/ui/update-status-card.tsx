import { useId } from 'react';
import type { ReactNode } from 'react';
import { assertNever } from '../../daemon-bridge/contract/domain.ts';
import type { AvailableUpdate } from '../../daemon-bridge/contract/updates.ts';
import { sortAdvisories } from '../store/diff/diff-view.ts';
import { t, tn } from '../i18n/strings.ts';
import type { UpdateStatus } from '../store/updates/update-status.ts';
import { selectAvailableUpdate, selectUpdateStatus } from '../store/updates/update-status.ts';
import { useAppStore } from '../store/store-context.tsx';
import { CheckButton } from './check-button.tsx';
import { Icon } from './icon.tsx';
import type { IconName } from './icon.tsx';
import { UpdateActions } from './update-actions.tsx';

interface Headline {
  readonly tone: 'ok' | 'accent' | 'working' | 'error';
  readonly icon: IconName;
  readonly title: string;
  readonly body: string | null;
}

function availableBody(update: AvailableUpdate): string {
  const body = tn('statusAvailableBody', update.changeCount, {
    version: update.version ?? t('unknownVersion'),
  });
  const worst = sortAdvisories(update.advisories)[0];
  if (!worst) return body;
  const severity = t(`severity_${worst.severity}`);
  return `${body}\n${tn('statusAdvisories', update.advisories.length, { severity })}`;
}

function headlineOf(status: UpdateStatus): Headline {
  switch (status.kind) {
    case 'unknown':
      return { tone: 'working', icon: 'clock', title: t('statusUnknown'), body: null };
    case 'up-to-date':
      return {
        tone: 'ok',
        icon: 'check',
        title: t('statusUpToDate'),
        body: t('statusUpToDateBody'),
      };
    case 'available':
      return {
        tone: 'accent',
        icon: 'package',
        title: t('statusAvailable'),
        body: availableBody(status.update),
      };
    case 'working':
      return {
        tone: 'working',
        icon: 'clock',
        title: t('statusWorking', { title: status.activity.title }),
        body: status.activity.percent?.text ?? null,
      };
    case 'staged':
      return {
        tone: 'accent',
        icon: 'check',
        title: status.reason === 'update' ? t('statusStaged') : t('statusPendingRollback'),
        body: t(status.reason === 'update' ? 'statusStagedBody' : 'statusPendingRollbackBody', {
          version: status.version ?? t('unknownVersion'),
        }),
      };
    case 'failed':
      return {
        tone: 'error',
        icon: 'error',
        title: status.source === 'check' ? t('statusCheckFailed') : t('statusFailed'),
        body: status.message,
      };
    case 'busy':
      return {
        tone: 'working',
        icon: 'clock',
        title: t('statusBusy'),
        body: t('statusBusyBody', { title: status.title, initiator: status.initiator }),
      };
    default:
      return assertNever(status);
  }
}

/** The Updates view's headline: the one state the system is in, and what can be done now. */
export function UpdateStatusCard(props: { readonly onReview: () => void }): ReactNode {
  const status = useAppStore(selectUpdateStatus);
  const hasUpdate = useAppStore(selectAvailableUpdate) !== null;
  const headingId = useId();
  const headline = headlineOf(status);
  return (
    <section
      className={`card update-status update-status--${headline.tone}`}
      aria-labelledby={headingId}
    >
      <div className="update-status__headline" role="status">
        <Icon name={headline.icon} className="update-status__icon" />
        <div className="update-status__text">
          <h2 id={headingId} className="update-status__title">
            {headline.title}
          </h2>
          {headline.body ? <p className="update-status__body">{headline.body}</p> : null}
        </div>
      </div>
      <UpdateActions status={status} {...(hasUpdate ? { onReview: props.onReview } : {})} />
      <CheckButton />
    </section>
  );
}
