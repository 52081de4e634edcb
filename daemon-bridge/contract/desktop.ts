/**
 * Desktop integration (issue "Desktop integration: tray, staged-update
 * notifications, background checks, the held privileged helper"): what the
 * tray shows, which notifications were raised, the user's desktop settings
 * and the background-check schedule. Part of AppState, so the renderer and
 * the end-to-end tests (web mode has no tray) read the same thing the
 * Electron tray and notifications are drawn from. Plain readonly data.
 */

/** The tray icon's state, a pure function of the daemon state (desktop/tray-state.ts). */
export type TrayStatus =
  'up-to-date' | 'update-available' | 'working' | 'staged' | 'failed' | 'no-daemon';

export const trayStatuses: readonly TrayStatus[] = [
  'up-to-date',
  'update-available',
  'working',
  'staged',
  'failed',
  'no-daemon',
];

export interface TrayState {
  readonly status: TrayStatus;
  /** 0–100 while working, when the daemon reports a percentage. */
  readonly percent: number | null;
  /** Version of the staged or available update, when known. */
  readonly version: string | null;
  /** The daemon's own text for `failed` and `no-daemon`. */
  readonly message: string | null;
}

/** Screens a notification (or a deep link) can open. */
export type AppScreen = 'updates' | 'deployments' | 'packages' | 'kernel' | 'reboot' | 'settings';

export type NotificationKind = 'staged' | 'important-update' | 'failed';

/** One notification the app raised. Never raised twice for the same `key`, also across restarts. */
export interface NotificationRecord {
  /** Dedupe key: `staged:<deployment id>`, `update:<commit>`, `failed:<started at>:<title>`. */
  readonly key: string;
  readonly kind: NotificationKind;
  /** When it was raised (ms since epoch). */
  readonly at: number;
  /** Version of the staged deployment or of the update. */
  readonly version: string | null;
  /** Most severe advisory of the update, when it has one. */
  readonly severity: 'important' | 'critical' | null;
  /** Number of security advisories the update carries. */
  readonly securityAdvisories: number;
  /** What failed (the transaction's title) and the daemon's own message. */
  readonly title: string | null;
  readonly message: string | null;
  readonly screen: AppScreen;
}

/** How many notification records the state keeps (newest first). */
export const MAX_NOTIFICATION_RECORDS = 20;

/** Settings of the app itself (not the daemon's); persisted in the user's data dir. */
export interface DesktopSettings {
  /** Notify only for security-critical updates. */
  readonly quiet: boolean;
  /** Start in the tray at login (an autostart entry). */
  readonly autostart: boolean;
  /** Let the app check for updates in the background. */
  readonly backgroundChecks: boolean;
}

export const defaultDesktopSettings: DesktopSettings = {
  quiet: false,
  autostart: false,
  backgroundChecks: true,
};

/** Why a background check did not run when it was due. */
export type CheckSkipReason =
  | 'disabled'
  | 'daemon-policy-none'
  | 'daemon-not-ready'
  | 'transaction-running'
  | 'metered'
  | 'low-battery';

/** The background-check schedule as the renderer shows it. */
export interface BackgroundCheckState {
  /** When the next check is due (ms since epoch); null when none is scheduled. */
  readonly nextAt: number | null;
  /** The last background check that ran. */
  readonly lastRunAt: number | null;
  /** The last time a due check was skipped, and why. */
  readonly lastSkip: { readonly at: number; readonly reason: CheckSkipReason } | null;
  /** What the app knows of the network and power (null: could not tell). */
  readonly metered: boolean | null;
  readonly onBattery: boolean | null;
  readonly batteryPercent: number | null;
}

/** The held privileged helper (pkexec), as far as the UI needs to know. */
export type HelperStatus =
  | { readonly kind: 'not-started' }
  | { readonly kind: 'running' }
  | { readonly kind: 'stopped'; readonly message: string | null };

export interface DesktopState {
  readonly tray: TrayState;
  /** Newest first, at most MAX_NOTIFICATION_RECORDS. */
  readonly notifications: readonly NotificationRecord[];
  readonly settings: DesktopSettings;
  readonly background: BackgroundCheckState;
  readonly helper: HelperStatus;
}

/** The automatic-update policies a user can pick (rpm-ostreed.conf `AutomaticUpdatePolicy`). */
export const userUpdatePolicies = ['none', 'check', 'stage'] as const;
export type UserUpdatePolicy = (typeof userUpdatePolicies)[number];

export const initialDesktopState: DesktopState = {
  tray: { status: 'no-daemon', percent: null, version: null, message: null },
  notifications: [],
  settings: defaultDesktopSettings,
  background: {
    nextAt: null,
    lastRunAt: null,
    lastSkip: null,
    metered: null,
    onBattery: null,
    batteryPercent: null,
  },
  helper: { kind: 'not-started' },
};
