import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';

/** The command line that does the same as an action, shown beside it so users learn the CLI. */
export function CommandHint(props: { readonly command: string }): ReactNode {
  return (
    <p className="command-hint" title={t('commandLineTitle')}>
      <span className="command-hint__label">{t('commandLineLabel')}</span>
      <code className="command-hint__code">{props.command}</code>
    </p>
  );
}
