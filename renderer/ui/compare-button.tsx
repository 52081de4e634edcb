import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { compareCommandLine } from '../../daemon-bridge/contract/command-lines.ts';
import { t } from '../i18n/strings.ts';
import type { DeploymentRow } from '../store/deployments/deployment-rows.ts';
import { selectDiff } from '../store/diff/diff-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { CommandHint } from './command-hint.tsx';
import { DialogBackdrop } from './dialog-backdrop.tsx';
import { DiffResult } from './diff-result.tsx';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';

function optionLabel(row: DeploymentRow): string {
  return `${row.title} (${row.shortChecksum})`;
}

/** "Compare…": pick any two deployments and see the package diff between them. */
export function CompareButton(props: {
  readonly rows: readonly DeploymentRow[];
  readonly defaultFrom: string;
  readonly defaultTo: string;
}): ReactNode {
  const tool = useAppStore(selectCliTool);
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(props.defaultFrom);
  const [to, setTo] = useState(props.defaultTo);
  const diff = useAppStore(selectDiff);
  const comparisonRequested = useAppStore((s) => s.comparisonRequested);
  const diffClosed = useAppStore((s) => s.diffClosed);
  const fromId = useId();
  const toId = useId();
  const checksum = (id: string): string =>
    props.rows.find((r) => r.id === id)?.deployment.checksum ?? id;
  const onOpenChange = (next: boolean): void => {
    setOpen(next);
    if (!next) diffClosed();
  };
  const select = (id: string, value: string, onChange: (v: string) => void): ReactNode => (
    <select id={id} className="entry" value={value} onChange={(e) => onChange(e.target.value)}>
      {props.rows.map((row) => (
        <option key={row.id} value={row.id}>
          {optionLabel(row)}
        </option>
      ))}
    </select>
  );
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <button type="button" className="button">
          {t('compare')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <DialogBackdrop />
        <Dialog.Content className="dialog dialog--wide" aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">{t('compareTitle')}</Dialog.Title>
          <div className="compare-pickers">
            <label htmlFor={fromId}>{t('compareFrom')}</label>
            {select(fromId, from, setFrom)}
            <label htmlFor={toId}>{t('compareTo')}</label>
            {select(toId, to, setTo)}
            <button
              type="button"
              className="button button--suggested"
              aria-disabled={from === to}
              onClick={() => {
                if (from !== to) void comparisonRequested(from, to);
              }}
            >
              {t('compareRun')}
            </button>
          </div>
          {from === to ? <p className="muted">{t('compareSame')}</p> : null}
          <DiffResult diff={diff} />
          <CommandHint command={compareCommandLine(checksum(from), checksum(to), tool)} />
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <button type="button" className="button">
                {t('close')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
