import type { ReactNode } from 'react';
import type { PackageAction } from '../store/packages/package-actions.ts';
import type { RebootItem } from '../store/reboot-diff/reboot-diff.ts';
import { PackageRow } from './package-row.tsx';

/** A labelled list of package rows; says `empty` when there are none. */
export function PackageRows(props: {
  readonly label: string;
  readonly items: readonly RebootItem[];
  readonly empty: string;
  readonly onAction: (action: PackageAction) => void;
}): ReactNode {
  if (props.items.length === 0) return <p className="muted">{props.empty}</p>;
  return (
    <ul className="package-rows" aria-label={props.label}>
      {props.items.map((item) => (
        <PackageRow key={`${item.kind}:${item.key}`} item={item} onAction={props.onAction} />
      ))}
    </ul>
  );
}
