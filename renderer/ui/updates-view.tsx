import { useState } from 'react';
import type { ReactNode } from 'react';
import { selectAvailableUpdate } from '../store/updates/update-status.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ActivityPanel } from './activity-panel.tsx';
import { HealthPanel } from './health-panel.tsx';
import { QueuedNotice } from './queued-notice.tsx';
import { RequestError } from './request-error.tsx';
import { UpdateSheet } from './update-sheet.tsx';
import { UpdateStatusCard } from './update-status-card.tsx';

/** The Updates tab: the state, what runs now, and the update sheet on demand. */
export function UpdatesView(): ReactNode {
  const [sheetOpen, setSheetOpen] = useState(false);
  const update = useAppStore(selectAvailableUpdate);
  return (
    <div className="view">
      <RequestError />
      <HealthPanel />
      <UpdateStatusCard onReview={() => setSheetOpen(true)} />
      <QueuedNotice />
      <ActivityPanel />
      {update ? <UpdateSheet open={sheetOpen} onOpenChange={setSheetOpen} update={update} /> : null}
    </div>
  );
}
