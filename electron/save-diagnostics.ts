/**
 * Electron saves the diagnostics file itself, with the desktop's save
 * dialog: the command's reply then says where it went instead of carrying
 * the file back to be downloaded (renderer/store/health/health-slice.ts).
 * Everything Electron is injected; the handler is wrapped, not changed.
 */
import type { CommandHandler } from '../daemon-bridge/contract/api.ts';
import type {
  CommandArgs,
  CommandName,
  CommandResults,
} from '../daemon-bridge/contract/commands.ts';
import { fail, ok } from '../daemon-bridge/contract/domain.ts';
import type { Logger } from '../daemon-bridge/logger.ts';

/** The part of `dialog.showSaveDialog` used, bound to the app's window by the caller. */
export type ShowSaveDialog = (options: {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}) => Promise<{ readonly canceled: boolean; readonly filePath?: string }>;

export interface SaveDiagnosticsDeps {
  readonly showSaveDialog: ShowSaveDialog;
  readonly writeFile: (path: string, content: string) => Promise<void>;
  /** Where the dialog starts (the user's Downloads folder). */
  readonly defaultDir: () => string;
  readonly log: Logger;
}

/** `handler`, with exportDiagnostics answered by a save dialog and a write. */
export function withDiagnosticsSaving(
  handler: CommandHandler,
  deps: SaveDiagnosticsDeps,
): CommandHandler {
  const save = async (): Promise<CommandResults['exportDiagnostics']> => {
    const built = await handler.handle('exportDiagnostics', []);
    if (!built.ok) return built;
    const file = built.value;
    const chosen = await deps.showSaveDialog({
      title: 'Export diagnostics',
      defaultPath: `${deps.defaultDir().replace(/\/+$/, '')}/${file.fileName}`,
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    if (chosen.canceled || !chosen.filePath)
      return ok({ ...file, content: '', delivery: { kind: 'cancelled' } });
    try {
      await deps.writeFile(chosen.filePath, file.content);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      deps.log.warn(`diagnostics not saved: ${message}`);
      return fail({ kind: 'protocol', message: `Could not write ${chosen.filePath}: ${message}` });
    }
    // The file is on disk: the renderer needs only where.
    return ok({ ...file, content: '', delivery: { kind: 'saved', path: chosen.filePath } });
  };
  return {
    handle<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResults[K]> {
      if (name === 'exportDiagnostics') return save() as Promise<CommandResults[K]>;
      return handler.handle(name, args);
    },
    subscribe: (listener) => handler.subscribe(listener),
  };
}
