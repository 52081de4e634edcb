import type { StoreDeps, SetState } from '../app-store.ts';
import { errorOf } from '../request/request-runner.ts';
import { downloadFile } from './download-file.ts';
import type { DownloadableFile } from './download-file.ts';

export type HealthRecheck =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'failed'; readonly message: string };

/** How the last "Export diagnostics" went. */
export type DiagnosticsExport =
  | { readonly kind: 'idle' }
  | { readonly kind: 'exporting' }
  | { readonly kind: 'downloaded'; readonly fileName: string }
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'failed'; readonly message: string };

/** The health panel's requests: run the checks again, export the diagnostics file. */
export interface HealthSlice {
  readonly healthRecheck: HealthRecheck;
  readonly diagnosticsExport: DiagnosticsExport;
  readonly healthRecheckRequested: () => Promise<void>;
  readonly diagnosticsExportRequested: () => Promise<void>;
}

/** How the renderer hands a file to the user; the browser download unless a test passes its own. */
export type FileSaver = (file: DownloadableFile) => void;

export function createHealthSlice(
  deps: StoreDeps,
  set: SetState,
  save: FileSaver = downloadFile,
): HealthSlice {
  const { api } = deps;
  return {
    healthRecheck: { kind: 'idle' },
    diagnosticsExport: { kind: 'idle' },
    async healthRecheckRequested() {
      set({ healthRecheck: { kind: 'running' } });
      try {
        const result = await api.checkHealth();
        set({
          healthRecheck: result.ok
            ? { kind: 'idle' }
            : { kind: 'failed', message: result.error.message },
        });
      } catch (err) {
        set({ healthRecheck: { kind: 'failed', message: errorOf(err).message } });
      }
    },
    /**
     * The main process builds the file. In web mode it comes back to be
     * downloaded here; under Electron the main process has already asked
     * where to save it (and the user may have cancelled).
     */
    async diagnosticsExportRequested() {
      set({ diagnosticsExport: { kind: 'exporting' } });
      try {
        const result = await api.exportDiagnostics();
        if (!result.ok) {
          set({ diagnosticsExport: { kind: 'failed', message: result.error.message } });
          return;
        }
        const file = result.value;
        switch (file.delivery.kind) {
          case 'download':
            save(file);
            set({ diagnosticsExport: { kind: 'downloaded', fileName: file.fileName } });
            return;
          case 'saved':
            set({ diagnosticsExport: { kind: 'saved', path: file.delivery.path } });
            return;
          case 'cancelled':
            set({ diagnosticsExport: { kind: 'idle' } });
            return;
        }
      } catch (err) {
        set({ diagnosticsExport: { kind: 'failed', message: errorOf(err).message } });
      }
    },
  };
}
