import { useId } from 'react';
import type { ReactNode } from 'react';
import { Icon } from './icon.tsx';
import type { IconName } from './icon.tsx';

/** A whole-screen state (nothing to list): big icon, heading, explanation. */
export function StatusPage(props: {
  readonly icon: IconName;
  readonly title: string;
  readonly children?: ReactNode;
}): ReactNode {
  const titleId = useId();
  return (
    <section className="status-page" aria-labelledby={titleId}>
      <Icon name={props.icon} className="status-page__icon" />
      <h2 id={titleId} className="status-page__title">
        {props.title}
      </h2>
      <div className="status-page__body">{props.children}</div>
    </section>
  );
}
