import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { CommandHint } from './command-hint.tsx';
import { DialogBackdrop } from './dialog-backdrop.tsx';
import { useReturnFocus } from './use-return-focus.ts';

/**
 * A modal confirmation: says what will happen, shows the equivalent command,
 * and confirms or goes back. Radix traps focus and restores it on close.
 */
export function ConfirmDialog(props: {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly command: string;
  readonly onConfirm: () => void;
  /** False while the confirmation still lacks what it must show (e.g. a diff loading). */
  readonly canConfirm?: boolean;
  readonly destructive?: boolean;
  readonly wide?: boolean;
}): ReactNode {
  const canConfirm = props.canConfirm ?? true;
  const focus = useReturnFocus();
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <DialogBackdrop />
        <Dialog.Content
          className={props.wide ? 'dialog dialog--wide' : 'dialog'}
          aria-describedby={undefined}
          onOpenAutoFocus={focus.onOpenAutoFocus}
          onCloseAutoFocus={focus.onCloseAutoFocus}
        >
          <Dialog.Title className="dialog__title">{props.title}</Dialog.Title>
          <div className="dialog__body">{props.children}</div>
          <CommandHint command={props.command} />
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <button type="button" className="button">
                {t('goBack')}
              </button>
            </Dialog.Close>
            <button
              type="button"
              className={
                props.destructive ? 'button button--destructive' : 'button button--suggested'
              }
              aria-disabled={!canConfirm}
              onClick={() => {
                if (!canConfirm) return;
                props.onConfirm();
                props.onOpenChange(false);
              }}
            >
              {props.confirmLabel}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
