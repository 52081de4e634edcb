import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import type { DiffLoad } from '../store/diff/diff-slice.ts';
import { PackageDiff } from './package-diff.tsx';
import { Spinner } from './spinner.tsx';

/** A diff being loaded for a dialog: loading, its failure in the daemon's words, or the diff. */
export function DiffResult(props: { readonly diff: DiffLoad }): ReactNode {
  const { diff } = props;
  switch (diff.kind) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <p className="diff-loading muted" role="status">
          <Spinner />
          <span>{t('diffLoading')}</span>
        </p>
      );
    case 'failed':
      return (
        <p className="diff-failed" role="alert">
          {t('diffFailed', { message: diff.error.message })}
        </p>
      );
    case 'loaded':
      return <PackageDiff changes={diff.changes} />;
  }
}
