import type { ReactNode } from 'react';
import type { AppError } from '../../daemon-bridge/contract/domain.ts';
import type { PackageChange } from '../../daemon-bridge/contract/updates.ts';
import { t } from '../i18n/strings.ts';
import { PackageDiff } from './package-diff.tsx';
import { Spinner } from './spinner.tsx';

/** What DiffResult needs of a load (DiffLoad, UpdateChangesLoad). */
export type DiffResultLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly changes: readonly PackageChange[] }
  | { readonly kind: 'failed'; readonly error: AppError };

/**
 * A diff being loaded: loading, its failure in the daemon's words (with
 * "Try again" when `onRetry` is given), or the diff.
 */
export function DiffResult(props: {
  readonly diff: DiffResultLoad;
  readonly onRetry?: () => void;
}): ReactNode {
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
        <div className="diff-failed diff-failed--retry" role="alert">
          <p>{t('diffFailed', { message: diff.error.message })}</p>
          {props.onRetry && (
            <button type="button" className="button" onClick={props.onRetry}>
              {t('tryAgain')}
            </button>
          )}
        </div>
      );
    case 'loaded':
      return <PackageDiff changes={diff.changes} />;
  }
}
