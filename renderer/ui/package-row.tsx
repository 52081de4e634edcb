import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import type { PackageAction } from '../store/packages/package-actions.ts';
import { rowAction } from '../store/packages/package-actions.ts';
import type { RebootItem } from '../store/reboot-diff/reboot-diff.ts';
import { StateBadge } from './state-badge.tsx';

/** The button's words: "Undo" for anything pending, else what the action does to this kind. */
function buttonText(item: RebootItem, action: PackageAction): { text: string; label: string } {
  const name = item.name;
  if (item.state === 'pending' || item.state === 'going-away')
    return { text: t('rowUndo'), label: t('rowUndoLabel', { name }) };
  if (action.kind === 'uninstall')
    return { text: t('rowRemove'), label: t('rowRemoveLabel', { name }) };
  if (item.kind === 'replacement')
    return { text: t('rowReset'), label: t('rowResetLabel', { name }) };
  return { text: t('rowRestore'), label: t('rowRestoreLabel', { name }) };
}

/** One layered package or override: its name, where it stands, and what can be done about it. */
export function PackageRow(props: {
  readonly item: RebootItem;
  readonly onAction: (action: PackageAction) => void;
}): ReactNode {
  const { item } = props;
  const action = rowAction(item);
  const words = action ? buttonText(item, action) : null;
  return (
    <li className="package-row">
      <div className="package-row__text">
        <code className="package-row__name">{item.name}</code>
        {item.detail ? <span className="muted package-row__detail">{item.detail}</span> : null}
      </div>
      <StateBadge state={item.state} />
      {action && words ? (
        <button
          type="button"
          className="button button--small"
          aria-label={words.label}
          onClick={() => props.onAction(action)}
        >
          {words.text}
        </button>
      ) : (
        <span className="package-row__no-action" />
      )}
    </li>
  );
}
