import { useState } from 'react';
import type { ReactNode } from 'react';
import type { CleanupElement } from '../../daemon-bridge/contract/updates.ts';
import { cleanupCommandLine } from '../../daemon-bridge/contract/command-lines.ts';
import { t } from '../i18n/strings.ts';
import type { DeploymentActions } from '../store/deployments/deployment-actions.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';

/** "Clean up…": pick what goes (pending, rollback, cached metadata); the dialog says what it removes. */
export function CleanupButton(props: {
  readonly actions: DeploymentActions;
  readonly pendingVersion: string;
  readonly rollbackVersion: string;
}): ReactNode {
  const tool = useAppStore(selectCliTool);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<readonly CleanupElement[]>([]);
  const cleanupRequested = useAppStore((s) => s.cleanupRequested);
  const label = (element: CleanupElement): string => {
    switch (element) {
      case 'pending-deploy':
        return t('cleanup_pending-deploy', { version: props.pendingVersion });
      case 'rollback-deploy':
        return t('cleanup_rollback-deploy', { version: props.rollbackVersion });
      case 'repomd':
        return t('cleanup_repomd');
      case 'base':
        return t('cleanup_base');
    }
  };
  const toggle = (element: CleanupElement): void =>
    setChosen(
      chosen.includes(element) ? chosen.filter((e) => e !== element) : [...chosen, element],
    );
  // Keep the daemon's order (-p -r -m) whatever order the boxes were ticked in.
  const ordered = props.actions.cleanable.filter((e) => chosen.includes(e));
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setChosen([]);
          setOpen(true);
        }}
      >
        {t('cleanUp')}
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t('cleanupTitle')}
        confirmLabel={t('cleanupConfirm')}
        command={cleanupCommandLine(ordered, tool)}
        onConfirm={() => void cleanupRequested(ordered)}
        canConfirm={ordered.length > 0}
        destructive
      >
        <p>{t('cleanupBody')}</p>
        <fieldset className="checks">
          <legend className="visually-hidden">{t('cleanupTitle')}</legend>
          {props.actions.cleanable.map((element) => (
            <label key={element} className="check-row">
              <input
                type="checkbox"
                checked={chosen.includes(element)}
                onChange={() => toggle(element)}
              />
              <span>{label(element)}</span>
            </label>
          ))}
        </fieldset>
        {ordered.length > 0 ? (
          <p className="cleanup-goes" role="status">
            {t('cleanupGoes', { list: ordered.map(label).join('; ') })}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
