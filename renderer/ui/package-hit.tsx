import type { ReactNode } from 'react';
import type { PackageSearchHit, SearchMatch } from '../../daemon-bridge/contract/packages.ts';
import { t } from '../i18n/strings.ts';
import type { PlainStringKey } from '../i18n/strings.ts';
import type { PackageAction } from '../store/packages/package-actions.ts';

const matchLabels: { readonly [M in SearchMatch]: PlainStringKey } = {
  'name-and-summary': 'match_nameAndSummary',
  name: 'match_name',
  summary: 'match_summary',
};

/** One package found by a search (all its architectures), with a button to add it. */
export function PackageHit(props: {
  readonly hits: readonly PackageSearchHit[];
  readonly requested: boolean;
  readonly onAction: (action: PackageAction) => void;
}): ReactNode {
  const first = props.hits[0];
  if (!first) return null;
  const builds = props.hits.map((h) => `${h.evr}.${h.arch}`).join(', ');
  return (
    <li className="package-row package-hit">
      <div className="package-row__text">
        <span className="package-hit__title">
          <code className="package-row__name">{first.name}</code>
          <span className="muted package-row__detail">{builds}</span>
        </span>
        {first.summary ? <span className="package-hit__summary">{first.summary}</span> : null}
        <span className="muted package-row__detail">
          {t(matchLabels[first.match])}
          {first.repo ? ` · ${t('fromRepo', { repo: first.repo })}` : ''}
        </span>
      </div>
      {props.requested ? (
        <span className="badge">{t('alreadyRequested')}</span>
      ) : (
        <button
          type="button"
          className="button button--small"
          aria-label={t('addPackageLabel', { name: first.name })}
          onClick={() => props.onAction({ kind: 'install', name: first.name })}
        >
          {t('addPackage')}
        </button>
      )}
    </li>
  );
}
