import type { ReactNode } from 'react';
import { formatPercent } from '../i18n/format-transfer.ts';

/** A determinate progress bar with its value for assistive technology. */
export function ProgressBar(props: { readonly value: number; readonly label: string }): ReactNode {
  const value = Math.min(100, Math.max(0, props.value));
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={formatPercent(value)}
      >
        <div className="progress__fill" style={{ width: `${value}%` }} />
      </div>
      <span className="progress__value">{formatPercent(value)}</span>
    </div>
  );
}
