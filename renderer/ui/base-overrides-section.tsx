import { useId } from 'react';
import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectSupports } from '../store/capabilities/capability-selectors.ts';
import type { PackageAction } from '../store/packages/package-actions.ts';
import type { RebootItem } from '../store/reboot-diff/reboot-diff.ts';
import { PackageNameField } from './package-name-field.tsx';
import { PackageRows } from './package-rows.tsx';
import { UnavailableNote } from './unavailable-note.tsx';
import { useAppStore } from '../store/store-context.tsx';

/** Base packages removed or replaced (overrides), and removing one more. */
export function BaseOverridesSection(props: {
  readonly items: readonly RebootItem[];
  readonly onAction: (action: PackageAction) => void;
}): ReactNode {
  const headingId = useId();
  const supported = useAppStore(selectSupports('override-packages'));
  const removals = props.items.filter((i) => i.kind === 'base-removal');
  const replacements = props.items.filter((i) => i.kind === 'replacement');
  const any = [...removals, ...replacements].some((i) => i.requested || i.running);
  if (!supported)
    return (
      <section className="card packages-section" aria-labelledby={headingId}>
        <h2 id={headingId} className="subheading">
          {t('overridesHeading')}
        </h2>
        <UnavailableNote capability="override-packages" />
      </section>
    );
  return (
    <section className="card packages-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="subheading">
        {t('overridesHeading')}
      </h2>
      <p className="muted section-note">{t('overridesNote')}</p>
      <h3 className="subheading subheading--minor">{t('fieldRemoved')}</h3>
      <PackageRows
        label={t('fieldRemoved')}
        items={removals}
        empty={t('noRemovals')}
        onAction={props.onAction}
      />
      {replacements.length > 0 ? (
        <>
          <h3 className="subheading subheading--minor">{t('fieldReplaced')}</h3>
          <PackageRows
            label={t('fieldReplaced')}
            items={replacements}
            empty=""
            onAction={props.onAction}
          />
        </>
      ) : null}
      <PackageNameField
        label={t('removeBaseLabel')}
        button={t('removeBaseButton')}
        hint={t('removeBaseHint')}
        onSubmit={(name) => props.onAction({ kind: 'override-remove', name })}
      />
      {any ? (
        <div className="actions__row packages-section__footer">
          <button
            type="button"
            className="button"
            onClick={() => props.onAction({ kind: 'reset', layering: false, overrides: true })}
          >
            {t('resetOverrides')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
