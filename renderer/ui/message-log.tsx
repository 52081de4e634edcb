import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';

/** At most this many lines are drawn; the bridge caps the log too, this keeps the DOM small. */
export const MESSAGE_LOG_LIMIT = 50;

/** The daemon's messages, newest last; new lines are read out politely. */
export function MessageLog(props: { readonly messages: readonly string[] }): ReactNode {
  if (props.messages.length === 0) return null;
  const first = Math.max(0, props.messages.length - MESSAGE_LOG_LIMIT);
  const shown = props.messages.slice(first);
  return (
    <details className="message-log" open>
      <summary>{t('messagesLabel')}</summary>
      <ol className="message-log__lines" aria-live="polite" aria-relevant="additions">
        {shown.map((line, i) => (
          <li key={first + i}>{line}</li>
        ))}
      </ol>
    </details>
  );
}
