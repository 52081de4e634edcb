import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectAnnouncement } from '../store/clipboard/clipboard-slice.ts';
import { useAppStore } from '../store/store-context.tsx';

/** The app's one polite live region; keyed by id so a repeated message is read again. */
export function LiveRegion(): ReactNode {
  const announcement = useAppStore(selectAnnouncement);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {announcement ? <span key={announcement.id}>{t(announcement.message)}</span> : null}
    </div>
  );
}
