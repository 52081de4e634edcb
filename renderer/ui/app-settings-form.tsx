import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { DesktopSettings } from '../../daemon-bridge/contract/desktop.ts';
import { t } from '../i18n/strings.ts';
import type { PlainStringKey } from '../i18n/strings.ts';
import { selectDesktop } from '../store/desktop/desktop-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';

const rows: readonly (readonly [keyof DesktopSettings, PlainStringKey, PlainStringKey])[] = [
  ['backgroundChecks', 'settingBackgroundChecks', 'settingBackgroundChecksHelp'],
  ['quiet', 'settingQuiet', 'settingQuietHelp'],
  ['autostart', 'settingAutostart', 'settingAutostartHelp'],
];

/**
 * The app's own settings: each switch takes effect at once. A switch shows
 * the new value while the main process stores it (the settings come back
 * with the next state); a refusal puts it back and is reported.
 */
export function AppSettingsForm(): ReactNode {
  const desktop = useAppStore(selectDesktop);
  const changed = useAppStore((s) => s.desktopSettingChanged);
  const [pending, setPending] = useState<Partial<DesktopSettings>>({});
  const headingId = useId();
  const ids = useId();
  if (!desktop) return null;
  const toggle = (key: keyof DesktopSettings, value: boolean) => {
    setPending((p) => ({ ...p, [key]: value }));
    void changed({ [key]: value }).finally(() =>
      setPending((p) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== key))),
    );
  };
  return (
    <section className="card settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('appSettingsHeading')}
      </h3>
      <div className="choice-list">
        {rows.map(([key, label, help]) => (
          <label key={key} className="choice">
            <input
              type="checkbox"
              checked={pending[key] ?? desktop.settings[key]}
              aria-describedby={`${ids}-${key}`}
              onChange={(event) => toggle(key, event.target.checked)}
            />
            <span className="choice__text">
              <span className="choice__label">{t(label)}</span>
              <span id={`${ids}-${key}`} className="muted choice__help">
                {t(help)}
              </span>
            </span>
          </label>
        ))}
      </div>
    </section>
  );
}
