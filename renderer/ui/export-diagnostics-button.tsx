import type { ReactNode } from 'react';
import { assertNever } from '../../daemon-bridge/contract/domain.ts';
import { t } from '../i18n/strings.ts';
import type { DiagnosticsExport } from '../store/health/health-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Spinner } from './spinner.tsx';

function outcome(state: DiagnosticsExport): ReactNode {
  switch (state.kind) {
    case 'idle':
    case 'exporting':
      return null;
    case 'downloaded':
      return (
        <p className="export-diagnostics__outcome muted" role="status">
          {t('diagnosticsDownloaded', { file: state.fileName })}
        </p>
      );
    case 'saved':
      return (
        <p className="export-diagnostics__outcome muted" role="status">
          {t('diagnosticsSaved', { path: state.path })}
        </p>
      );
    case 'failed':
      return (
        <p className="export-diagnostics__outcome export-diagnostics__outcome--failed" role="alert">
          {t('diagnosticsFailed', { message: state.message })}
        </p>
      );
    default:
      return assertNever(state);
  }
}

/**
 * "Export diagnostics…": one JSON file for a bug report. The main process
 * builds it; Electron asks where to save it, web mode downloads it.
 */
export function ExportDiagnosticsButton(props: { readonly small?: boolean }): ReactNode {
  const state = useAppStore((s) => s.diagnosticsExport);
  const requested = useAppStore((s) => s.diagnosticsExportRequested);
  const busy = state.kind === 'exporting';
  return (
    <div className="export-diagnostics">
      <button
        type="button"
        className={props.small ? 'button button--small' : 'button'}
        aria-disabled={busy}
        onClick={() => {
          if (!busy) void requested();
        }}
      >
        {busy ? <Spinner /> : null}
        <span>{busy ? t('exportingDiagnostics') : t('exportDiagnostics')}</span>
      </button>
      {outcome(state)}
    </div>
  );
}
