import { Fragment, useId } from 'react';
import type { ReactNode } from 'react';
import type {
  BackgroundCheckState,
  CheckSkipReason,
} from '../../daemon-bridge/contract/desktop.ts';
import { formatTimestamp } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import type { PlainStringKey } from '../i18n/strings.ts';
import { selectDesktop } from '../store/desktop/desktop-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';

const skipText: { readonly [R in CheckSkipReason]: PlainStringKey } = {
  disabled: 'skip_disabled',
  'daemon-policy-none': 'skip_daemon_policy_none',
  'daemon-not-ready': 'skip_daemon_not_ready',
  'transaction-running': 'skip_transaction_running',
  metered: 'skip_metered',
  'low-battery': 'skip_low_battery',
};

const when = (ms: number): string => formatTimestamp(Math.floor(ms / 1000));

function networkText(b: BackgroundCheckState): string {
  if (b.metered === null) return t('unknownValue');
  return b.metered ? t('networkMetered') : t('networkNotMetered');
}

function powerText(b: BackgroundCheckState): string {
  if (b.onBattery === null) return t('unknownValue');
  if (!b.onBattery) return t('powerMains');
  return b.batteryPercent === null
    ? t('powerBatteryUnknown')
    : t('powerBattery', { percent: Math.round(b.batteryPercent) });
}

/** When the app checks next, the last check and skip, and the network and power it sees. */
export function BackgroundChecksInfo(): ReactNode {
  const desktop = useAppStore(selectDesktop);
  const headingId = useId();
  if (!desktop) return null;
  const b = desktop.background;
  const items: readonly (readonly [PlainStringKey, string])[] = [
    ['backgroundNext', b.nextAt === null ? t('backgroundNotScheduled') : when(b.nextAt)],
    ['backgroundLast', b.lastRunAt === null ? t('backgroundNever') : when(b.lastRunAt)],
    [
      'backgroundSkipped',
      b.lastSkip === null
        ? t('backgroundNever')
        : t('backgroundSkippedAt', {
            time: when(b.lastSkip.at),
            reason: t(skipText[b.lastSkip.reason]),
          }),
    ],
    ['backgroundNetwork', networkText(b)],
    ['backgroundPower', powerText(b)],
  ];
  return (
    <section className="card settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('backgroundHeading')}
      </h3>
      <dl className="details">
        {items.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
