import { useId } from 'react';
import type { ReactNode } from 'react';
import { formatTimestamp } from '../i18n/format.ts';
import { t, tn } from '../i18n/strings.ts';
import { selectHealthView } from '../store/health/health-view.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ExportDiagnosticsButton } from './export-diagnostics-button.tsx';
import { HealthCheckRow } from './health-check-row.tsx';
import { Spinner } from './spinner.tsx';

/**
 * The Updates tab's health checks (issue #6): free space on /boot and the
 * sysroot, the previous boot's finalization, how long since the last
 * update, a stuck operation. What needs attention comes first with its fix;
 * what passed folds away. "Check again" and "Export diagnostics…" serve all.
 */
export function HealthPanel(): ReactNode {
  const view = useAppStore(selectHealthView);
  const recheck = useAppStore((s) => s.healthRecheck);
  const recheckRequested = useAppStore((s) => s.healthRecheckRequested);
  const headingId = useId();
  if (!view) return null;
  const { health, attention, passed } = view;
  const checking = health.running || recheck.kind === 'running';
  const summary =
    health.checks.length === 0
      ? t('healthChecking')
      : attention.length === 0
        ? t('healthAllGood')
        : tn('healthNeedsAttention', attention.length);
  const tone = attention.some((r) => r.check.status === 'problem')
    ? 'problem'
    : attention.length > 0
      ? 'warning'
      : 'ok';
  return (
    <section className={`card health health--${tone}`} aria-labelledby={headingId}>
      <div className="health__header">
        <div className="health__heading">
          <h2 id={headingId} className="health__title">
            {t('healthHeading')}
          </h2>
          <p className="health__summary muted" role="status">
            {summary}
            {health.checkedAt !== null
              ? ` · ${t('healthCheckedAt', { when: formatTimestamp(Math.floor(health.checkedAt / 1000)) })}`
              : ''}
          </p>
        </div>
        <div className="health__tools">
          <button
            type="button"
            className="button button--small"
            aria-disabled={checking}
            aria-label={t('healthRecheckLabel')}
            onClick={() => {
              if (!checking) void recheckRequested();
            }}
          >
            {checking ? <Spinner /> : null}
            <span>{t('healthRecheck')}</span>
          </button>
          <ExportDiagnosticsButton small />
        </div>
      </div>
      {recheck.kind === 'failed' ? (
        <p className="health__failed" role="alert">
          {t('healthRecheckFailed', { message: recheck.message })}
        </p>
      ) : null}
      {attention.length > 0 ? (
        <ul className="health__list" aria-label={t('healthChecksLabel')}>
          {attention.map((row) => (
            <HealthCheckRow key={row.check.kind} row={row} />
          ))}
        </ul>
      ) : null}
      {passed.length > 0 ? (
        <details className="health__passed">
          <summary>{tn('healthPassed', passed.length)}</summary>
          <ul className="health__list">
            {passed.map((row) => (
              <HealthCheckRow key={row.check.kind} row={row} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
