import { useId } from 'react';
import type { ReactNode } from 'react';
import type { HealthStatus } from '../../daemon-bridge/contract/health.ts';
import { healthText } from '../i18n/health-text.ts';
import { t } from '../i18n/strings.ts';
import type { HealthRow } from '../store/health/health-view.ts';
import { CommandHint } from './command-hint.tsx';
import { HealthFixes } from './health-fixes.tsx';
import { Icon } from './icon.tsx';
import type { IconName } from './icon.tsx';

const ICONS: { readonly [S in HealthStatus]: IconName } = {
  ok: 'check',
  warning: 'warning',
  problem: 'error',
  unknown: 'info',
};

/** One health check: its status in words, what was found, and how to fix it. */
export function HealthCheckRow(props: { readonly row: HealthRow }): ReactNode {
  const { check, fixes, command } = props.row;
  const text = healthText(check);
  // A daemon without Cancel (apt-layer): say what else can be done.
  const advice =
    check.kind === 'stalled-transaction' && check.status !== 'ok' && fixes.length === 0
      ? t('healthStalledNoCancel')
      : text.advice;
  const titleId = useId();
  const compact = check.status === 'ok';
  return (
    <li
      className={`health-row health-row--${check.status}${compact ? ' health-row--compact' : ''}`}
      aria-labelledby={titleId}
    >
      <Icon name={ICONS[check.status]} className="health-row__icon" />
      <div className="health-row__text">
        <p className="health-row__title" id={titleId}>
          <span className="visually-hidden">{t(`healthStatus_${check.status}`)}: </span>
          {text.title}
        </p>
        {text.quote ? <code className="health-row__quote">{text.quote}</code> : null}
        {text.details.map((line, i) => (
          <p key={i} className="health-row__detail">
            {line}
          </p>
        ))}
        {advice ? <p className="health-row__advice">{advice}</p> : null}
        {command ? <CommandHint command={command} /> : null}
        <HealthFixes fixes={fixes} />
      </div>
      {compact ? null : (
        <span className={`badge health-badge health-badge--${check.status}`} aria-hidden="true">
          {t(`healthStatus_${check.status}`)}
        </span>
      )}
    </li>
  );
}
