import type { ReactNode } from 'react';
import { Icon } from './icon.tsx';
import type { IconName } from './icon.tsx';

export type NoticeTone = 'info' | 'warning' | 'error' | 'accent';

/** An inline message box: icon, title, body and an optional action on the side. */
export function Notice(props: {
  readonly tone: NoticeTone;
  readonly icon: IconName;
  readonly title: string;
  readonly children?: ReactNode;
  readonly action?: ReactNode;
  readonly role?: 'status' | 'alert';
}): ReactNode {
  return (
    <div className={`notice notice--${props.tone}`} role={props.role}>
      <Icon name={props.icon} className="notice__icon" />
      <div className="notice__text">
        <p className="notice__title">{props.title}</p>
        {props.children}
      </div>
      {props.action ? <div className="notice__action">{props.action}</div> : null}
    </div>
  );
}
