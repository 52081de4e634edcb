import type { ReactNode } from 'react';
import type { DownloadStatus } from '../../daemon-bridge/contract/updates.ts';
import { formatBytes, formatDuration, formatSpeed } from '../i18n/format-transfer.ts';
import { t } from '../i18n/strings.ts';

/** Bytes, speed, objects and ETA from DownloadProgress; ETA only when the bridge could estimate it. */
export function DownloadStats(props: { readonly download: DownloadStatus }): ReactNode {
  const d = props.download;
  return (
    <ul className="download-stats">
      <li>{t('downloadBytes', { bytes: formatBytes(d.bytesTransferred) })}</li>
      <li>{t('downloadSpeed', { speed: formatSpeed(d.bytesPerSecond) })}</li>
      {d.requested > 0 ? (
        <li>{t('downloadObjects', { fetched: d.fetched, requested: d.requested })}</li>
      ) : null}
      {d.etaSeconds === null ? null : (
        <li>{t('downloadEta', { eta: formatDuration(d.etaSeconds) })}</li>
      )}
    </ul>
  );
}
