import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectDesktop } from '../store/desktop/desktop-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { AppSettingsForm } from './app-settings-form.tsx';
import { BackgroundChecksInfo } from './background-checks-info.tsx';
import { DiagnosticsSection } from './diagnostics-section.tsx';
import { NotificationHistory } from './notification-history.tsx';
import { Notice } from './notice.tsx';
import { RequestError } from './request-error.tsx';
import { UpdatePolicyForm } from './update-policy-form.tsx';

/** The Settings tab: the system's automatic updates, this app's settings, checks, notifications. */
export function SettingsView(): ReactNode {
  const helper = useAppStore((s) => selectDesktop(s)?.helper ?? null);
  return (
    <div className="view">
      <RequestError />
      {helper?.kind === 'stopped' && helper.message ? (
        <Notice
          tone="warning"
          icon="warning"
          title={t('helperStopped', { message: helper.message })}
        />
      ) : null}
      <UpdatePolicyForm />
      <AppSettingsForm />
      <BackgroundChecksInfo />
      <NotificationHistory />
      <DiagnosticsSection />
    </div>
  );
}
