import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Advisory } from '../../daemon-bridge/contract/updates.ts';
import { t } from '../i18n/strings.ts';
import { sortAdvisories } from '../store/diff/diff-view.ts';

/** Advisories, most severe first: id, kind, severity, packages, CVEs (as text, not links). */
export function AdvisoryList(props: { readonly advisories: readonly Advisory[] }): ReactNode {
  const sorted = useMemo(() => sortAdvisories(props.advisories), [props.advisories]);
  const headingId = useId();
  return (
    <section className="advisories" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('advisoriesHeading', { count: sorted.length })}
      </h3>
      {sorted.length === 0 ? (
        <p className="muted">{t('advisoriesNone')}</p>
      ) : (
        <ul className="advisory-list">
          {sorted.map((a) => (
            <li key={a.id} className="advisory">
              <div className="advisory__header">
                <span className={`badge severity severity--${a.severity}`}>
                  {t(`severity_${a.severity}`)}
                </span>
                <span className="advisory__id">{a.id}</span>
                <span className="badge">{t(`advisory_${a.kind}`)}</span>
              </div>
              <dl className="advisory__details">
                <dt>{t('advisoryPackages')}</dt>
                <dd>{a.packages.join(', ')}</dd>
                {a.cves.length > 0 ? (
                  <>
                    <dt>{t('advisoryCves')}</dt>
                    <dd>
                      <ul className="advisory__cves">
                        {a.cves.map((cve) => (
                          <li key={cve.url}>
                            <span>{cve.title}</span>{' '}
                            <code className="advisory__url">{cve.url}</code>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
