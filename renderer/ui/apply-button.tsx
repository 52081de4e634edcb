import { useState } from 'react';
import type { ReactNode } from 'react';
import { commandLinesFor } from '../../daemon-bridge/contract/command-lines.ts';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';
import { t } from '../i18n/strings.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';

/** "Apply now": restarts into the staged deployment, after a confirmation. */
export function ApplyButton(props: { readonly version: string }): ReactNode {
  const commandLines = commandLinesFor(useAppStore(selectCliTool));
  const [open, setOpen] = useState(false);
  const applyRequested = useAppStore((s) => s.applyRequested);
  return (
    <>
      <button type="button" className="button button--suggested" onClick={() => setOpen(true)}>
        {t('applyNow')}
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t('confirmApplyTitle')}
        confirmLabel={t('restartNow')}
        command={commandLines.reboot}
        onConfirm={() => void applyRequested()}
      >
        <p>{t('confirmApplyBody', { version: props.version })}</p>
      </ConfirmDialog>
    </>
  );
}
