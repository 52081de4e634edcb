import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import type { PlainStringKey } from '../i18n/strings.ts';
import type { RebootItem, RebootItemKind } from '../store/reboot-diff/reboot-diff.ts';
import { PresenceCell } from './presence-cell.tsx';
import { StateBadge } from './state-badge.tsx';

export const kindLabels: { readonly [K in RebootItemKind]: PlainStringKey } = {
  package: 'kind_package',
  'local-package': 'kind_localPackage',
  'base-removal': 'kind_baseRemoval',
  replacement: 'kind_replacement',
  karg: 'kind_karg',
};

/** One kind of item in three columns — requested, staged, running — and where each stands. */
export function RebootTable(props: {
  readonly kind: RebootItemKind;
  readonly items: readonly RebootItem[];
  readonly hasPending: boolean;
}): ReactNode {
  return (
    <table className="reboot-table">
      <caption className="reboot-table__caption">{t(kindLabels[props.kind])}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colItem')}</th>
          <th scope="col" className="reboot-table__presence">
            {t('colRequested')}
          </th>
          {props.hasPending ? (
            <th scope="col" className="reboot-table__presence">
              {t('colStaged')}
            </th>
          ) : null}
          <th scope="col" className="reboot-table__presence">
            {t('colRunning')}
          </th>
          <th scope="col" className="reboot-table__state">
            {t('colState')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr key={item.key} className={`reboot-row reboot-row--${item.state}`}>
            <th scope="row">
              <div className="reboot-row__item">
                <code>{item.name}</code>
                {item.detail ? (
                  <span className="muted package-row__detail">{item.detail}</span>
                ) : null}
              </div>
            </th>
            <PresenceCell present={item.requested} />
            {props.hasPending ? <PresenceCell present={item.staged === true} /> : null}
            <PresenceCell present={item.running} />
            <td>
              <StateBadge state={item.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
