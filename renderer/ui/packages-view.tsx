import { useState } from 'react';
import type { ReactNode } from 'react';
import type { PackageAction } from '../store/packages/package-actions.ts';
import { selectRebootDiff } from '../store/reboot-diff/reboot-diff.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ActivityPanel } from './activity-panel.tsx';
import { AddPackagesSection } from './add-packages-section.tsx';
import { BaseOverridesSection } from './base-overrides-section.tsx';
import { LayeredPackagesSection } from './layered-packages-section.tsx';
import { PackageActionDialog } from './package-action-dialog.tsx';
import { PackageRefusalNotice } from './package-refusal-notice.tsx';
import { QueuedNotice } from './queued-notice.tsx';
import { RequestError } from './request-error.tsx';

/**
 * The Packages tab: what is layered and overridden (each with where it
 * stands until the reboot), and adding more. Every change goes through one
 * confirmation that shows its command line.
 */
export function PackagesView(): ReactNode {
  const diff = useAppStore(selectRebootDiff);
  const [confirm, setConfirm] = useState<{ action: PackageAction | null; open: boolean }>({
    action: null,
    open: false,
  });
  const ask = (action: PackageAction): void => setConfirm({ action, open: true });
  const items = diff?.items ?? [];
  const requested = new Set(
    items.filter((i) => i.kind === 'package' && i.requested).map((i) => i.name),
  );
  return (
    <div className="view">
      <RequestError />
      <PackageRefusalNotice />
      <QueuedNotice />
      <ActivityPanel />
      <LayeredPackagesSection items={items} onAction={ask} />
      <AddPackagesSection requested={requested} onAction={ask} />
      <BaseOverridesSection items={items} onAction={ask} />
      <PackageActionDialog
        action={confirm.action}
        open={confirm.open}
        onOpenChange={(open) => setConfirm({ ...confirm, open })}
      />
    </div>
  );
}
