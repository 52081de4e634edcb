import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Deployment } from '../../daemon-bridge/contract/domain.ts';
import { commandLinesFor } from '../../daemon-bridge/contract/command-lines.ts';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';
import { t } from '../i18n/strings.ts';
import { selectDiff } from '../store/diff/diff-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { DiffResult } from './diff-result.tsx';

/** "Roll back…": a confirmation that shows what going back changes (booted → rollback). */
export function RollbackButton(props: {
  readonly booted: Deployment;
  readonly target: Deployment;
}): ReactNode {
  const commandLines = commandLinesFor(useAppStore(selectCliTool));
  const [open, setOpen] = useState(false);
  const diff = useAppStore(selectDiff);
  const comparisonRequested = useAppStore((s) => s.comparisonRequested);
  const diffClosed = useAppStore((s) => s.diffClosed);
  const rollbackRequested = useAppStore((s) => s.rollbackRequested);
  const version = props.target.version ?? props.target.checksum.slice(0, 10);
  const onOpenChange = (next: boolean): void => {
    setOpen(next);
    if (next) void comparisonRequested(props.booted.id, props.target.id);
    else diffClosed();
  };
  return (
    <>
      <button type="button" className="button" onClick={() => onOpenChange(true)}>
        {t('rollback')}
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={onOpenChange}
        title={t('rollbackTitle', { version })}
        confirmLabel={t('rollbackConfirm')}
        command={commandLines.rollback}
        onConfirm={() => void rollbackRequested()}
        canConfirm={diff.kind === 'loaded' || diff.kind === 'failed'}
        wide
      >
        <p>{t('rollbackBody', { version })}</p>
        <DiffResult diff={diff} />
      </ConfirmDialog>
    </>
  );
}
