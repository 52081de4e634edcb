/**
 * The options of the one app window. Pinned by a unit test: changing any
 * security-relevant preference here must fail that test first.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Window backgrounds shown before the renderer paints; they match the renderer's themes. */
export const BACKGROUND = { light: '#ffffff', dark: '#1e1e1e' } as const;

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (`dist-electron/preload.cjs`). */
  readonly preloadPath: string;
  /** `nativeTheme.shouldUseDarkColors` at creation time. */
  readonly dark: boolean;
}

/** BrowserWindow options with the hardened webPreferences of STYLE.md §4. */
export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 760,
    minWidth: 800,
    minHeight: 560,
    title: 'OSTree Update Manager',
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    backgroundColor: input.dark ? BACKGROUND.dark : BACKGROUND.light,
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
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
      // No `auxclick` events: a middle-click on a link cannot ask for a new window or a
      // navigation (window.open is denied anyway; this removes the event itself).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
