import { describe, expect, it, vi } from 'vitest';
import type { CommandHandler } from '../../../daemon-bridge/contract/api.ts';
import { silentLogger } from '../../../daemon-bridge/logger.ts';
import { withDiagnosticsSaving } from '../../../electron/save-diagnostics.ts';
import type { SaveDiagnosticsDeps } from '../../../electron/save-diagnostics.ts';
import { fakeHandler } from '../web/web-kit.ts';

vi.mock('electron', () => {
  throw new Error('save-diagnostics.ts must get the dialog injected');
});

const CONTENT = '{"format":"ostree-update-manager-diagnostics/1"}\n';

function inner(): CommandHandler {
  const handler = fakeHandler();
  return {
    ...handler,
    handle: (name, args) =>
      name === 'exportDiagnostics'
        ? (Promise.resolve({
            ok: true,
            value: { fileName: 'diag.json', content: CONTENT, delivery: { kind: 'download' } },
          }) as never)
        : handler.handle(name, args),
  };
}

function deps(answer: { canceled: boolean; filePath?: string }, write = vi.fn()) {
  const shown = vi.fn((_options: unknown) => Promise.resolve(answer));
  const d: SaveDiagnosticsDeps = {
    showSaveDialog: shown,
    writeFile: (path, content) => {
      write(path, content);
      return Promise.resolve();
    },
    defaultDir: () => '/home/u/Downloads/',
    log: silentLogger,
  };
  return { d, shown, write };
}

describe('Electron saves the diagnostics file with a save dialog', () => {
  it('asks where, starting in Downloads with the suggested name, writes it and says where', async () => {
    const { d, shown, write } = deps({ canceled: false, filePath: '/tmp/diag.json' });
    const result = await withDiagnosticsSaving(inner(), d).handle('exportDiagnostics', []);
    expect(shown).toHaveBeenCalledWith({
      title: 'Export diagnostics',
      defaultPath: '/home/u/Downloads/diag.json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    expect(write).toHaveBeenCalledWith('/tmp/diag.json', CONTENT);
    expect(result).toEqual({
      ok: true,
      value: {
        fileName: 'diag.json',
        content: '',
        delivery: { kind: 'saved', path: '/tmp/diag.json' },
      },
    });
  });

  it('a cancelled dialog writes nothing and says so', async () => {
    const { d, write } = deps({ canceled: true });
    const result = await withDiagnosticsSaving(inner(), d).handle('exportDiagnostics', []);
    expect(write).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: true, value: { delivery: { kind: 'cancelled' } } });
  });

  it('a failed write is a failed result with the path and the reason', async () => {
    const { d } = deps({ canceled: false, filePath: '/ro/diag.json' });
    const failing: SaveDiagnosticsDeps = {
      ...d,
      writeFile: () => Promise.reject(new Error('EROFS: read-only file system')),
    };
    expect(await withDiagnosticsSaving(inner(), failing).handle('exportDiagnostics', [])).toEqual({
      ok: false,
      error: {
        kind: 'protocol',
        message: 'Could not write /ro/diag.json: EROFS: read-only file system',
      },
    });
  });

  it('other commands and subscriptions pass through untouched', async () => {
    const handler = inner();
    const { d, shown } = deps({ canceled: true });
    const wrapped = withDiagnosticsSaving(handler, d);
    await expect(wrapped.handle('checkHealth', [])).resolves.toEqual({ ok: true, value: null });
    const seen: unknown[] = [];
    const off = wrapped.subscribe((s) => seen.push(s));
    off();
    expect(shown).not.toHaveBeenCalled();
  });
});
