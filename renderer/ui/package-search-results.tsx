import type { ReactNode } from 'react';
import type { PackageSearchHit } from '../../daemon-bridge/contract/packages.ts';
import { searchProblemText } from '../i18n/problem-text.ts';
import { t, tn } from '../i18n/strings.ts';
import type { PackageAction } from '../store/packages/package-actions.ts';
import { selectPackageSearch } from '../store/packages/packages-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { PackageHit } from './package-hit.tsx';
import { Spinner } from './spinner.tsx';

/** Hits of one name together (the daemon lists each architecture), best match first. */
function byName(hits: readonly PackageSearchHit[]): PackageSearchHit[][] {
  const groups = new Map<string, PackageSearchHit[]>();
  for (const hit of hits) groups.set(hit.name, [...(groups.get(hit.name) ?? []), hit]);
  return [...groups.values()];
}

/** What the last search found, or why there is nothing to show. */
export function PackageSearchResults(props: {
  /** Names already requested: offered no second time. */
  readonly requested: ReadonlySet<string>;
  readonly onAction: (action: PackageAction) => void;
}): ReactNode {
  const search = useAppStore(selectPackageSearch);
  switch (search.kind) {
    case 'idle':
      return null;
    case 'refused':
      return (
        <p className="field-hint--error" role="alert">
          {searchProblemText(search.problem)}
        </p>
      );
    case 'searching':
      return (
        <p className="diff-loading muted" role="status">
          <Spinner />
          <span>{t('searching')}</span>
        </p>
      );
    case 'failed':
      return (
        <p className="diff-failed" role="alert">
          {t('searchFailed', { message: search.error.message })}
        </p>
      );
    case 'loaded': {
      const groups = byName(search.hits);
      return (
        <div className="package-hits">
          <p role="status" className="muted">
            {groups.length === 0
              ? t('searchNothing', { terms: search.terms.join(' ') })
              : tn('searchFound', groups.length)}
          </p>
          {groups.length > 0 ? (
            <ul className="package-rows" aria-label={t('searchResultsLabel')}>
              {groups.map((hits) => (
                <PackageHit
                  key={hits[0]?.name}
                  hits={hits}
                  requested={props.requested.has(hits[0]?.name ?? '')}
                  onAction={props.onAction}
                />
              ))}
            </ul>
          ) : null}
        </div>
      );
    }
  }
}
