import type { ReactNode } from 'react';
import { Spinner } from './spinner.tsx';

/** "Connecting…" with a spinner, announced politely to screen readers. */
export function BusyPlaceholder(props: { readonly text: string }): ReactNode {
  return (
    <div className="busy-placeholder" role="status">
      <Spinner size="large" />
      <p>{props.text}</p>
    </div>
  );
}
