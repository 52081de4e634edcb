/**
 * The app's identifier: reverse-DNS, as the Desktop Entry specification asks
 * of a .desktop file's name (and AppStream of its component id). It names
 * the desktop entry, the autostart entry and the icon in the icon theme.
 */
export const APP_ID = 'io.github.ostree_update_manager.UpdateManager';
