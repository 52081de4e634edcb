import type { ReactNode } from 'react';
import { Icon } from './icon.tsx';

/** Package names as chips; `empty` is said when there are none. */
export function PackageList(props: {
  readonly items: readonly string[];
  readonly empty?: string;
}): ReactNode {
  if (props.items.length === 0) {
    return props.empty ? <span className="muted">{props.empty}</span> : null;
  }
  return (
    <ul className="chips">
      {props.items.map((item) => (
        <li key={item} className="chip">
          <Icon name="package" className="chip__icon" />
          <span>{item}</span>
        </li>
      ))}
    </ul>
  );
}
