import { useId } from 'react';
import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectSupports } from '../store/capabilities/capability-selectors.ts';
import type { PackageAction } from '../store/packages/package-actions.ts';
import { useAppStore } from '../store/store-context.tsx';
import { PackageNameField } from './package-name-field.tsx';
import { PackageSearchForm } from './package-search-form.tsx';
import { PackageSearchResults } from './package-search-results.tsx';
import { UnavailableNote } from './unavailable-note.tsx';

/** Finding a package in the daemon's repositories, or naming one, to layer it. */
export function AddPackagesSection(props: {
  readonly requested: ReadonlySet<string>;
  readonly onAction: (action: PackageAction) => void;
}): ReactNode {
  const headingId = useId();
  const canSearch = useAppStore(selectSupports('search-packages'));
  return (
    <section className="card packages-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="subheading">
        {t('addPackagesHeading')}
      </h2>
      {canSearch ? (
        <>
          <PackageSearchForm />
          <PackageSearchResults requested={props.requested} onAction={props.onAction} />
        </>
      ) : (
        <UnavailableNote capability="search-packages" />
      )}
      <PackageNameField
        label={t('addByNameLabel')}
        button={t('addByNameButton')}
        hint={t('addByNameHint')}
        onSubmit={(name) => props.onAction({ kind: 'install', name })}
      />
    </section>
  );
}
