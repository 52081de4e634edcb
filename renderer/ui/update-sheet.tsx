import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId } from 'react';
import type { ReactNode } from 'react';
import type { AvailableUpdate } from '../../daemon-bridge/contract/updates.ts';
import { formatTimestamp } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { selectUpdateStatus } from '../store/updates/update-status.ts';
import { useAppStore } from '../store/store-context.tsx';
import { AdvisoryList } from './advisory-list.tsx';
import { updateChangesOf } from '../store/update-changes/update-changes-slice.ts';
import { DiffResult } from './diff-result.tsx';
import { UpdateActions } from './update-actions.tsx';
import { DialogBackdrop } from './dialog-backdrop.tsx';
import { useReturnFocus } from './use-return-focus.ts';

/**
 * What an update changes, before anything is downloaded: version, date and
 * origin, advisories, the package diff, and the actions for the current state.
 */
export function UpdateSheet(props: {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly update: AvailableUpdate;
}): ReactNode {
  const { update } = props;
  const status = useAppStore(selectUpdateStatus);
  const version = update.version ?? t('unknownVersion');
  const focus = useReturnFocus();
  const wanted = useAppStore((s) => s.updateChangesWanted);
  const rows = useAppStore((s) => updateChangesOf(s.updateChanges, update));
  const { open } = props;
  const { changesId } = update;
  const headingId = useId();
  useEffect(() => {
    if (open) void wanted(changesId);
  }, [open, changesId, wanted]);
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <DialogBackdrop />
        <Dialog.Content
          className="dialog dialog--sheet"
          onOpenAutoFocus={focus.onOpenAutoFocus}
          onCloseAutoFocus={focus.onCloseAutoFocus}
        >
          <div className="sheet__header">
            <div>
              <Dialog.Title className="dialog__title">{t('sheetTitle', { version })}</Dialog.Title>
              <Dialog.Description className="muted">{t('sheetDescription')}</Dialog.Description>
              <p className="sheet__meta">
                <span>{t('sheetDate', { date: formatTimestamp(update.timestamp) })}</span>
                <span aria-hidden="true"> · </span>
                <span>{t('sheetOrigin', { origin: update.origin })}</span>
              </p>
            </div>
            <Dialog.Close asChild>
              <button type="button" className="button button--flat">
                {t('close')}
              </button>
            </Dialog.Close>
          </div>
          <div className="sheet__body">
            <AdvisoryList advisories={update.advisories} />
            {rows.kind === 'loaded' ? (
              <DiffResult diff={rows} />
            ) : (
              // Until the rows are here: their count, from the update's summary.
              <section className="package-diff" aria-labelledby={headingId}>
                <h3 id={headingId} className="subheading">
                  {t('diffHeading', { count: update.changeCount })}
                </h3>
                <DiffResult diff={rows} onRetry={() => void wanted(changesId)} />
              </section>
            )}
          </div>
          <div className="sheet__footer">
            <UpdateActions status={status} />
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
