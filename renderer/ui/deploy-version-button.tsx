import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { deployCommandLine } from '../../daemon-bridge/contract/command-lines.ts';
import { t } from '../i18n/strings.ts';
import { selectDiff } from '../store/diff/diff-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { DiffResult } from './diff-result.tsx';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';

/** The contract's rule for a revision, checked here only to explain a refusal before sending. */
const REVISION = /^[A-Za-z0-9][A-Za-z0-9._:+~=-]*$/;

/**
 * "Deploy a version…": type (or pick) a version or checksum, preview what it
 * changes against the booted deployment, then deploy exactly what was previewed.
 */
export function DeployVersionButton(props: { readonly versions: readonly string[] }): ReactNode {
  const tool = useAppStore(selectCliTool);
  const [open, setOpen] = useState(false);
  const [revision, setRevision] = useState('');
  const diff = useAppStore(selectDiff);
  const deployPreviewRequested = useAppStore((s) => s.deployPreviewRequested);
  const deployRequested = useAppStore((s) => s.deployRequested);
  const diffClosed = useAppStore((s) => s.diffClosed);
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const trimmed = revision.trim();
  const valid = trimmed.length > 0 && trimmed.length <= 128 && REVISION.test(trimmed);
  const previewed =
    diff.kind === 'loaded' && diff.subject.kind === 'deploy' && diff.subject.revision === trimmed
      ? diff
      : null;
  const onOpenChange = (next: boolean): void => {
    setOpen(next);
    if (!next) diffClosed();
  };
  return (
    <>
      <button type="button" className="button" onClick={() => onOpenChange(true)}>
        {t('deployVersion')}
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={onOpenChange}
        title={t('deployTitle')}
        confirmLabel={
          previewed
            ? t('deployConfirm', { version: previewed.preview?.version ?? trimmed })
            : t('deployConfirmPlain')
        }
        command={deployCommandLine(valid ? trimmed : '<version>', tool)}
        onConfirm={() => void deployRequested(trimmed)}
        canConfirm={previewed !== null}
        wide
      >
        <label htmlFor={inputId}>{t('deployRevisionLabel')}</label>
        <div className="actions__row">
          <input
            id={inputId}
            className="entry deploy-entry"
            list={listId}
            value={revision}
            aria-describedby={hintId}
            aria-invalid={trimmed.length > 0 && !valid}
            onChange={(e) => setRevision(e.target.value)}
          />
          <datalist id={listId}>
            {props.versions.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
          <button
            type="button"
            className="button"
            aria-disabled={!valid}
            onClick={() => {
              if (valid) void deployPreviewRequested(trimmed);
            }}
          >
            {t('deployPreview')}
          </button>
        </div>
        <p id={hintId} className="muted field-hint">
          {trimmed.length > 0 && !valid ? t('deployRevisionInvalid') : t('deployRevisionHint')}
        </p>
        <DiffResult diff={diff} />
      </ConfirmDialog>
    </>
  );
}
