import type { ReactNode } from 'react';
import { packageProblemText } from '../i18n/problem-text.ts';
import { t } from '../i18n/strings.ts';
import { selectPackageRefusal } from '../store/packages/packages-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Notice } from './notice.tsx';

/** A package name refused before sending: which one and why. */
export function PackageRefusalNotice(): ReactNode {
  const refusal = useAppStore(selectPackageRefusal);
  const dismissed = useAppStore((s) => s.packageRefusalDismissed);
  if (!refusal) return null;
  return (
    <Notice
      tone="error"
      icon="error"
      role="alert"
      title={t('packageRefused', { spec: refusal.spec })}
      action={
        <button type="button" className="button button--small" onClick={dismissed}>
          {t('dismiss')}
        </button>
      }
    >
      <p>{packageProblemText(refusal.problem)}</p>
    </Notice>
  );
}
