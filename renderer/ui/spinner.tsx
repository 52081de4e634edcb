import type { ReactNode } from 'react';

/** A busy indicator; decorative, so the text beside it carries the meaning. */
export function Spinner(props: { readonly size?: 'small' | 'large' }): ReactNode {
  return <span className={`spinner spinner--${props.size ?? 'small'}`} aria-hidden="true" />;
}
