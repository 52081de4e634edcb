import { useId } from 'react';
import type { ReactNode } from 'react';
import type { Activity } from '../../daemon-bridge/contract/updates.ts';
import { t } from '../i18n/strings.ts';
import { selectActivity } from '../store/updates/update-status.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ActivityTasks } from './activity-tasks.tsx';
import { CommandHint } from './command-hint.tsx';
import { DownloadStats } from './download-stats.tsx';
import { MessageLog } from './message-log.tsx';
import { ProgressBar } from './progress-bar.tsx';

/**
 * The bar to show: the daemon's PercentProgress, else during a pull the share
 * of objects fetched (as the rpm-ostree CLI renders "Receiving objects: 68%").
 */
export function activityProgress(
  activity: Activity,
): { readonly value: number; readonly label: string } | null {
  if (activity.percent)
    return { value: activity.percent.value, label: activity.percent.text || t('progressLabel') };
  const download = activity.download;
  if (!download || download.requested <= 0) return null;
  return {
    value: Math.min(100, Math.floor((download.fetched / download.requested) * 100)),
    label: t('receivingObjects'),
  };
}

/**
 * The transaction as it happens, from AppState.activity: whose it is, its
 * steps, progress and messages. Built from the snapshot alone, so it is right
 * even when the app opens in the middle of a transaction.
 */
export function ActivityPanel(): ReactNode {
  const activity = useAppStore(selectActivity);
  const dismissed = useAppStore((s) => s.activityDismissed);
  const headingId = useId();
  if (!activity) return null;
  const running = activity.phase === 'running';
  const progress = activityProgress(activity);
  return (
    <section className={`card activity activity--${activity.phase}`} aria-labelledby={headingId}>
      <div className="activity__header">
        <div>
          <h2 id={headingId} className="activity__title">
            {activity.title}
          </h2>
          <p className="muted activity__initiator">
            {activity.owner === 'this-app'
              ? t('activityByThisApp')
              : t('activityByOther', { initiator: activity.initiator })}
          </p>
        </div>
        <span className={`badge phase phase--${activity.phase}`}>
          {t(`phase_${activity.phase}`)}
        </span>
      </div>
      {activity.commandLine ? <CommandHint command={activity.commandLine} /> : null}
      <ActivityTasks tasks={activity.tasks} running={running} />
      {running && progress ? <ProgressBar value={progress.value} label={progress.label} /> : null}
      {running && activity.download ? <DownloadStats download={activity.download} /> : null}
      {activity.error ? (
        <p className="activity__error" role="alert">
          {t('activityError', { message: activity.error })}
        </p>
      ) : null}
      <MessageLog messages={activity.messages} />
      {running ? null : (
        <div className="actions__row">
          <button type="button" className="button" onClick={() => void dismissed()}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
