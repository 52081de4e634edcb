import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { rebootItemKinds, selectRebootDiff } from '../store/reboot-diff/reboot-diff.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ActivityPanel } from './activity-panel.tsx';
import { RebootSummary } from './reboot-summary.tsx';
import { RebootTable } from './reboot-table.tsx';
import { RequestError } from './request-error.tsx';

/**
 * The Next boot tab: what the user requested, what the pending deployment
 * holds and what runs now, for packages, overrides and kernel arguments.
 */
export function RebootView(): ReactNode {
  const diff = useAppStore(selectRebootDiff);
  if (!diff)
    return (
      <div className="view">
        <p className="muted">{t('rebootUnknown')}</p>
      </div>
    );
  const hasPending = diff.pending !== null;
  return (
    <div className="view">
      <RequestError />
      <ActivityPanel />
      <RebootSummary diff={diff} />
      <div className="card reboot-tables">
        <p className="muted section-note">{t('rebootColumnsNote')}</p>
        {rebootItemKinds.map((kind) => {
          const items = diff.items.filter((i) => i.kind === kind);
          return items.length > 0 ? (
            <RebootTable key={kind} kind={kind} items={items} hasPending={hasPending} />
          ) : null;
        })}
        {diff.items.length === 0 ? <p className="muted">{t('rebootNoItems')}</p> : null}
      </div>
    </div>
  );
}
