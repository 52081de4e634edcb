import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import type { PackageAction } from '../store/packages/package-actions.ts';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';
import { packageActionCommandLine } from '../store/packages/package-actions.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';

interface Wording {
  readonly title: string;
  readonly body: string;
  readonly confirm: string;
  readonly destructive: boolean;
}

function wordingOf(action: PackageAction): Wording {
  switch (action.kind) {
    case 'install':
      return {
        title: t('installTitle', { name: action.name }),
        body: t('installBody', { name: action.name }),
        confirm: t('installConfirm'),
        destructive: false,
      };
    case 'uninstall':
      return {
        title: t('uninstallTitle', { name: action.name }),
        body: t('uninstallBody', { name: action.name }),
        confirm: t('uninstallConfirm'),
        destructive: false,
      };
    case 'override-remove':
      return {
        title: t('overrideRemoveTitle', { name: action.name }),
        body: t('overrideRemoveBody', { name: action.name }),
        confirm: t('overrideRemoveConfirm'),
        destructive: true,
      };
    case 'override-reset':
      return {
        title: t('overrideResetTitle', { name: action.name }),
        body: t('overrideResetBody', { name: action.name }),
        confirm: t('overrideResetConfirm'),
        destructive: false,
      };
    case 'reset':
      return action.layering
        ? {
            title: t('resetLayeringTitle'),
            body: t('resetLayeringBody'),
            confirm: t('resetLayeringConfirm'),
            destructive: true,
          }
        : {
            title: t('resetOverridesTitle'),
            body: t('resetOverridesBody'),
            confirm: t('resetOverridesConfirm'),
            destructive: true,
          };
  }
}

/**
 * The confirmation for a package change: what happens, that it applies at
 * the next boot and can be undone until then, and the command line.
 */
export function PackageActionDialog(props: {
  /** The last action asked for; kept while the dialog closes so its text does not vanish. */
  readonly action: PackageAction | null;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
}): ReactNode {
  const tool = useAppStore(selectCliTool);
  const added = useAppStore((s) => s.packageAddRequested);
  const removed = useAppStore((s) => s.packageRemoveRequested);
  const baseRemoved = useAppStore((s) => s.baseRemovalRequested);
  const reset = useAppStore((s) => s.overrideResetRequested);
  const resetAll = useAppStore((s) => s.packageChangesResetRequested);
  const { action } = props;
  if (!action) return null;
  const wording = wordingOf(action);
  const confirm = (): void => {
    switch (action.kind) {
      case 'install':
        return void added(action.name);
      case 'uninstall':
        return void removed(action.name);
      case 'override-remove':
        return void baseRemoved(action.name);
      case 'override-reset':
        return void reset(action.name);
      case 'reset':
        return void resetAll({ layering: action.layering, overrides: action.overrides });
    }
  };
  return (
    <ConfirmDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={wording.title}
      confirmLabel={wording.confirm}
      command={packageActionCommandLine(action, tool)}
      onConfirm={confirm}
      destructive={wording.destructive}
    >
      <p>{wording.body}</p>
      <p className="muted">{t('appliesAtNextBoot')}</p>
    </ConfirmDialog>
  );
}
