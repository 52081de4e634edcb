import { useId } from 'react';
import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { ExportDiagnosticsButton } from './export-diagnostics-button.tsx';

/** The Settings tab's diagnostics: what the file holds, and the button that makes it. */
export function DiagnosticsSection(): ReactNode {
  const headingId = useId();
  return (
    <section className="card settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('diagnosticsHeading')}
      </h3>
      <p className="muted section-note">{t('exportDiagnosticsHelp')}</p>
      <ExportDiagnosticsButton />
    </section>
  );
}
