import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { Icon } from './icon.tsx';

/** A table cell saying whether an item is there: a tick or a dash, and words for screen readers. */
export function PresenceCell(props: { readonly present: boolean }): ReactNode {
  return (
    <td className={props.present ? 'presence presence--yes' : 'presence presence--no'}>
      {props.present ? (
        <Icon name="check" className="presence__icon" />
      ) : (
        <span aria-hidden="true">—</span>
      )}
      <span className="visually-hidden">{props.present ? t('yes') : t('no')}</span>
    </td>
  );
}
