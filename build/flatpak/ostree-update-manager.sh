#!/bin/sh
# OSTree Update Manager inside Flatpak: /app/bin/ostree-update-manager.
#
# zypak (from org.electronjs.Electron2.BaseApp) lets Chromium's sandbox run
# inside Flatpak's, so the app keeps its renderer sandbox without the SUID
# chrome-sandbox. Electron's single-instance lock lives in TMPDIR, which must
# be shared by every instance of the app: the app's runtime directory is.
export TMPDIR="${XDG_RUNTIME_DIR}/app/${FLATPAK_ID}"
exec zypak-wrapper /app/main/ostree-update-manager "$@"
