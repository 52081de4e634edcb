import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ReactNode } from 'react';
import type { PackageChange, PackageVersion } from '../../daemon-bridge/contract/updates.ts';
import { t } from '../i18n/strings.ts';

export const DIFF_ROW_HEIGHT = 32;

function versionText(v: PackageVersion | null): string {
  return v ? `${v.evr}.${v.arch}` : '';
}

function changeText(change: PackageChange): string {
  if (change.previous && change.next) {
    return t('versionArrow', { from: versionText(change.previous), to: versionText(change.next) });
  }
  return versionText(change.next ?? change.previous);
}

/**
 * The rows of a package diff, virtualised: only the rows in view (plus a few)
 * are in the DOM, so thousands of changes scroll smoothly.
 */
export function PackageDiffList(props: {
  readonly rows: readonly PackageChange[];
  readonly labelledBy: string;
}): ReactNode {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => DIFF_ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div
      ref={scrollRef}
      className="diff-scroll"
      role="list"
      aria-labelledby={props.labelledBy}
      tabIndex={0}
    >
      <div className="diff-scroll__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const change = props.rows[item.index];
          if (!change) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              className={`diff-row change--${change.kind}`}
              style={{ transform: `translateY(${item.start}px)` }}
              aria-setsize={props.rows.length}
              aria-posinset={item.index + 1}
            >
              <span className="diff-row__kind">{t(`change_${change.kind}`)}</span>
              <span className="diff-row__name">{change.name}</span>
              <span className="diff-row__version">{changeText(change)}</span>
              {change.layered ? <span className="badge">{t('layered')}</span> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
