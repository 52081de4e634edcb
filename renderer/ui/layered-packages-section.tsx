import { useId } from 'react';
import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import type { PackageAction } from '../store/packages/package-actions.ts';
import type { RebootItem } from '../store/reboot-diff/reboot-diff.ts';
import { PackageRows } from './package-rows.tsx';

/** Packages layered on the base image (from repositories and local RPM files). */
export function LayeredPackagesSection(props: {
  readonly items: readonly RebootItem[];
  readonly onAction: (action: PackageAction) => void;
}): ReactNode {
  const headingId = useId();
  const layered = props.items.filter((i) => i.kind === 'package');
  const local = props.items.filter((i) => i.kind === 'local-package');
  const any = props.items.some(
    (i) => (i.kind === 'package' || i.kind === 'local-package') && (i.requested || i.running),
  );
  return (
    <section className="card packages-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="subheading">
        {t('layeredHeading')}
      </h2>
      <p className="muted section-note">{t('layeredNote')}</p>
      <PackageRows
        label={t('layeredHeading')}
        items={layered}
        empty={t('noLayeredPackages')}
        onAction={props.onAction}
      />
      {local.length > 0 ? (
        <>
          <h3 className="subheading subheading--minor">{t('localHeading')}</h3>
          <PackageRows label={t('localHeading')} items={local} empty="" onAction={props.onAction} />
        </>
      ) : null}
      {any ? (
        <div className="actions__row packages-section__footer">
          <button
            type="button"
            className="button"
            onClick={() => props.onAction({ kind: 'reset', layering: true, overrides: false })}
          >
            {t('resetLayering')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
