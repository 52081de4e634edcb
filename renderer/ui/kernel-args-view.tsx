import type { ReactNode } from 'react';
import { selectKernelArgsSource } from '../store/kargs/boot-options.ts';
import { selectKargsDraft } from '../store/kargs/kargs-slice.ts';
import { selectSupports } from '../store/capabilities/capability-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ActivityPanel } from './activity-panel.tsx';
import { KargEditor } from './karg-editor.tsx';
import { KargSuggestionsList } from './karg-suggestions-list.tsx';
import { KargsDraftPanel } from './kargs-draft-panel.tsx';
import { KargsOverview } from './kargs-overview.tsx';
import { QueuedNotice } from './queued-notice.tsx';
import { RequestError } from './request-error.tsx';
import { UnavailableNote } from './unavailable-note.tsx';

/**
 * The Kernel tab: the command line running now and at the next boot, the
 * editor, suggestions, and the draft with its preview and Apply.
 */
export function KernelArgsView(): ReactNode {
  const source = useAppStore(selectKernelArgsSource);
  const draft = useAppStore(selectKargsDraft);
  const supported = useAppStore(selectSupports('kernel-args'));
  if (!supported)
    return (
      <div className="view">
        <UnavailableNote capability="kernel-args" />
      </div>
    );
  return (
    <div className="view">
      <RequestError />
      <QueuedNotice />
      <ActivityPanel />
      <KargsOverview />
      <KargEditor hasPending={source.hasPending} />
      <KargsDraftPanel />
      {draft.base !== null ? <KargSuggestionsList base={draft.base} edits={draft.edits} /> : null}
    </div>
  );
}
