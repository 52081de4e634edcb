import { useState } from 'react';
import type { ReactNode } from 'react';
import { cleanupCommandLine } from '../../daemon-bridge/contract/command-lines.ts';
import { t } from '../i18n/strings.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';

/** Drops the whole pending deployment (Cleanup pending-deploy): every change waiting for the reboot. */
export function DiscardPendingButton(props: { readonly version: string }): ReactNode {
  const tool = useAppStore(selectCliTool);
  const [open, setOpen] = useState(false);
  const cleanupRequested = useAppStore((s) => s.cleanupRequested);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('discardPending')}
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t('discardPendingTitle')}
        confirmLabel={t('discardPendingConfirm')}
        command={cleanupCommandLine(['pending-deploy'], tool)}
        onConfirm={() => void cleanupRequested(['pending-deploy'])}
        destructive
      >
        <p>{t('discardPendingBody', { version: props.version })}</p>
      </ConfirmDialog>
    </>
  );
}
