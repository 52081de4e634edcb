import type { ReactNode } from 'react';
import type { Deployment } from '../../daemon-bridge/contract/domain.ts';
import { commandLinesFor } from '../../daemon-bridge/contract/command-lines.ts';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';
import { t } from '../i18n/strings.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ApplyButton } from './apply-button.tsx';
import { CommandHint } from './command-hint.tsx';
import { Notice } from './notice.tsx';

/** A rollback is pending: say so, offer to apply it now, or to undo it before the reboot (a second Rollback). */
export function UndoRollbackNotice(props: {
  readonly target: Deployment;
  readonly booted: Deployment;
}): ReactNode {
  const commandLines = commandLinesFor(useAppStore(selectCliTool));
  const undoRollbackRequested = useAppStore((s) => s.undoRollbackRequested);
  const name = (d: Deployment): string => d.version ?? d.checksum.slice(0, 10);
  return (
    <Notice
      tone="warning"
      icon="warning"
      role="status"
      title={t('rolledBackNotice', { version: name(props.target), booted: name(props.booted) })}
      action={
        <>
          <ApplyButton version={name(props.target)} />
          <button type="button" className="button" onClick={() => void undoRollbackRequested()}>
            {t('undoRollback')}
          </button>
        </>
      }
    >
      <CommandHint command={commandLines.undoRollback} />
    </Notice>
  );
}
