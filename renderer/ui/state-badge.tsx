import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import type { PlainStringKey } from '../i18n/strings.ts';
import type { RebootItemState } from '../store/reboot-diff/reboot-diff.ts';

const labels: { readonly [S in RebootItemState]: PlainStringKey } = {
  'in-effect': 'state_inEffect',
  pending: 'state_pending',
  'not-applied': 'state_notApplied',
  'going-away': 'state_goingAway',
};

/** Where an item stands: in effect, pending until the reboot, not applied, or going away. */
export function StateBadge(props: { readonly state: RebootItemState }): ReactNode {
  return (
    <span className={`badge state-badge state-badge--${props.state}`}>
      {t(labels[props.state])}
    </span>
  );
}
