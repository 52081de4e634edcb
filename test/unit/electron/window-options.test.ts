import { describe, expect, it, vi } from 'vitest';
import { BACKGROUND, mainWindowOptions } from '../../../electron/window-options.ts';

// The options are plain data: building them must not need Electron at all.
vi.mock('electron', () => {
  throw new Error('electron must not be loaded by window-options.ts');
});

describe('main window options', () => {
  it('pins the hardened webPreferences', () => {
    const options = mainWindowOptions({
      preloadPath: '/app/dist-electron/preload.cjs',
      dark: false,
    });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist-electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('is at least 800 px wide and shows only when painted', () => {
    const options = mainWindowOptions({ preloadPath: '/p', dark: false });
    expect(options).toMatchObject({ minWidth: 800, show: false });
    expect(options.width).toBeGreaterThanOrEqual(800);
  });

  it('follows the desktop theme for the background', () => {
    expect(mainWindowOptions({ preloadPath: '/p', dark: true }).backgroundColor).toBe(
      BACKGROUND.dark,
    );
    expect(mainWindowOptions({ preloadPath: '/p', dark: false }).backgroundColor).toBe(
      BACKGROUND.light,
    );
    expect(BACKGROUND.dark).not.toBe(BACKGROUND.light);
  });
});
