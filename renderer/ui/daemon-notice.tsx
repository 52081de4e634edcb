import type { ReactNode } from 'react';
import { assertNever } from '../../daemon-bridge/contract/domain.ts';
import { t } from '../i18n/strings.ts';
import type { DaemonNotice } from '../store/snapshot/snapshot-selectors.ts';
import { BusyPlaceholder } from './busy-placeholder.tsx';
import { Notice } from './notice.tsx';
import { StatusPage } from './status-page.tsx';

/** What the screen says about the daemon connection, one honest state at a time. */
export function DaemonNoticeView(props: {
  readonly notice: DaemonNotice;
  readonly hasSystem: boolean;
}): ReactNode {
  const { notice } = props;
  switch (notice.kind) {
    case 'link-connecting':
      return <BusyPlaceholder text={t('linkConnecting')} />;
    case 'daemon-connecting':
      return props.hasSystem ? (
        <Notice tone="info" icon="clock" role="status" title={t('daemonConnecting')} />
      ) : (
        <BusyPlaceholder text={t('daemonConnecting')} />
      );
    case 'absent':
      return (
        <StatusPage icon="computer" title={t('absentTitle')}>
          <p>{notice.message}</p>
          <p>{t('absentHelp')}</p>
        </StatusPage>
      );
    case 'unavailable':
      return (
        <Notice tone="warning" icon="warning" role="status" title={t('unavailableTitle')}>
          <p>{notice.message}</p>
          {props.hasSystem ? <p>{t('unavailableStale')}</p> : null}
        </Notice>
      );
    case 'error':
      return (
        <Notice tone="error" icon="error" role="alert" title={t('errorTitle')}>
          <p>{notice.error.message}</p>
          {notice.error.detail ? (
            <p className="notice__detail">{t('errorDetail', { detail: notice.error.detail })}</p>
          ) : null}
        </Notice>
      );
    default:
      return assertNever(notice);
  }
}
