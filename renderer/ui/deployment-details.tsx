import type { ReactNode } from 'react';
import { originText, replacementText } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import type { DeploymentRow } from '../store/deployments/deployment-rows.ts';
import { CopyChecksumButton } from './copy-checksum-button.tsx';
import { PackageList } from './package-list.tsx';

/** The label/value list of one deployment. */
export function DeploymentDetails(props: { readonly row: DeploymentRow }): ReactNode {
  const { row } = props;
  const d = row.deployment;
  const base = row.layeredBase;
  return (
    <dl className="details">
      <dt>{t('fieldOrigin')}</dt>
      <dd className="details__origin">{originText(d.origin)}</dd>

      <dt>{t('fieldCommit')}</dt>
      <dd className="details__commit">
        <code className="checksum" title={d.checksum}>
          {row.shortChecksum}
        </code>
        <CopyChecksumButton checksum={d.checksum} shortChecksum={row.shortChecksum} />
      </dd>

      {base ? (
        <>
          <dt>{t('fieldBase')}</dt>
          <dd>
            {base.version
              ? t('baseVersion', { version: base.version, checksum: base.shortChecksum })
              : t('baseChecksumOnly', { checksum: base.shortChecksum })}
          </dd>
        </>
      ) : null}

      <dt>{t('fieldLayered')}</dt>
      <dd>
        <PackageList items={d.layeredPackages} empty={t('noLayeredPackages')} />
      </dd>

      {d.baseRemovals.length > 0 ? (
        <>
          <dt>{t('fieldRemoved')}</dt>
          <dd>
            <PackageList items={d.baseRemovals.map((p) => p.nevra)} />
          </dd>
        </>
      ) : null}

      {d.baseLocalReplacements.length > 0 ? (
        <>
          <dt>{t('fieldReplaced')}</dt>
          <dd>
            <PackageList items={d.baseLocalReplacements.map(replacementText)} />
          </dd>
        </>
      ) : null}

      {d.endOfLife ? (
        <>
          <dt>{t('fieldEndOfLife')}</dt>
          <dd className="details__warning">{d.endOfLife}</dd>
        </>
      ) : null}
    </dl>
  );
}
