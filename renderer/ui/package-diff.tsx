import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { PackageChange, PackageChangeKind } from '../../daemon-bridge/contract/updates.ts';
import { t } from '../i18n/strings.ts';
import { changeKinds, deriveDiffView } from '../store/diff/diff-view.ts';
import { PackageDiffList } from './package-diff-list.tsx';

/** A package diff with a name filter and kind chips (with counts) above a virtualised list. */
export function PackageDiff(props: { readonly changes: readonly PackageChange[] }): ReactNode {
  const [query, setQuery] = useState('');
  const [kinds, setKinds] = useState<ReadonlySet<PackageChangeKind>>(new Set());
  const view = useMemo(
    () => deriveDiffView(props.changes, query, kinds),
    [props.changes, query, kinds],
  );
  const headingId = useId();
  const filterId = useId();
  const toggle = (kind: PackageChangeKind): void => {
    const next = new Set(kinds);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setKinds(next);
  };
  return (
    <section className="package-diff" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('diffHeading', { count: view.total })}
      </h3>
      {view.total === 0 ? (
        <p className="muted">{t('diffEmpty')}</p>
      ) : (
        <>
          <div className="package-diff__filters">
            <label htmlFor={filterId} className="visually-hidden">
              {t('diffFilterLabel')}
            </label>
            <input
              id={filterId}
              type="search"
              className="entry"
              placeholder={t('diffFilterPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <div className="filter-chips" role="group" aria-label={t('diffKindsLabel')}>
              {changeKinds.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className={`filter-chip change--${kind}`}
                  aria-pressed={kinds.has(kind)}
                  onClick={() => toggle(kind)}
                >
                  {t('chipCount', { label: t(`change_${kind}`), count: view.counts[kind] })}
                </button>
              ))}
            </div>
          </div>
          <p className="package-diff__count muted" aria-live="polite">
            {t('diffShowing', { shown: view.rows.length, total: view.total })}
          </p>
          {view.rows.length === 0 ? (
            <p className="muted">{t('diffNoMatch')}</p>
          ) : (
            <PackageDiffList rows={view.rows} labelledBy={headingId} />
          )}
        </>
      )}
    </section>
  );
}
