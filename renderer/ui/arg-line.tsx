import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import type { ArgToken } from '../store/kargs/kargs-preview.ts';

/** What a mark means, for screen readers (the colours and strike-through say it visually). */
function markText(token: ArgToken): string | null {
  switch (token.mark) {
    case 'kept':
      return token.managed ? t('markManaged') : null;
    case 'added':
      return t('markAdded');
    case 'removed':
      return t('markRemoved');
    case 'changed':
      return t('markChanged', { previous: token.previous ?? '' });
  }
}

function Arg(props: { readonly token: ArgToken }): ReactNode {
  const { token } = props;
  const text = markText(token);
  const code = <code>{token.arg}</code>;
  return (
    <li
      className={`arg arg--${token.mark}${token.managed ? ' arg--managed' : ''}`}
      title={token.previous ? t('markChanged', { previous: token.previous }) : undefined}
    >
      {text ? <span className="visually-hidden">{text} </span> : null}
      {token.mark === 'removed' ? (
        <del>{code}</del>
      ) : token.mark === 'kept' ? (
        code
      ) : (
        <ins>{code}</ins>
      )}
    </li>
  );
}

/** A kernel command line as its arguments, each marked as kept, added, changed or removed. */
export function ArgLine(props: {
  readonly label: string;
  readonly tokens: readonly ArgToken[];
}): ReactNode {
  return (
    <ul className="arg-line" aria-label={props.label}>
      {props.tokens.map((token, i) => (
        <Arg key={`${i}:${token.arg}`} token={token} />
      ))}
    </ul>
  );
}
