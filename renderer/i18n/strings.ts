/**
 * Every user-facing string of the renderer, in one flat table so a
 * translation is one more table with the same keys. `{name}` marks a
 * placeholder that `t()` fills in; the compiler checks that callers pass
 * exactly the placeholders a string has.
 */
export const strings = {
  appTitle: 'OSTree Update Manager',
  daemonIdentity: '{flavour} · {busName}',

  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  refreshLabel: 'Reload the deployment list from the update daemon',
  refreshFailed: 'Could not refresh: {message}',
  dismiss: 'Dismiss',

  sandboxTitle: 'Demo system',
  sandboxRequested:
    'You are looking at a sandbox in {dir}, started because the app was asked to run in sandbox mode. Nothing you do here changes this computer.',
  sandboxNoDaemon:
    'You are looking at a sandbox in {dir}, used because no update daemon was found on this computer. Nothing you do here changes this computer.',

  linkConnecting: 'Connecting to the update service…',
  linkLostTitle: 'Connection to the update service lost',
  linkLostBody: 'Reconnecting automatically. What you see may be out of date.',
  linkRetryNow: 'Reconnect now',
  linkClosedError: 'Not connected to the update service.',
  linkLostError: 'The connection to the update service was lost before it answered.',

  daemonConnecting: 'Connecting to the update daemon…',
  absentTitle: 'No update daemon on this system',
  absentHelp:
    'This app manages image-based systems such as Fedora Silverblue, Kinoite or Fedora CoreOS through their update daemon (rpm-ostree, or apt-ostree on Debian). Install and enable the daemon, or start the app with --sandbox to try it on a demo system.',
  unavailableTitle: 'Update daemon temporarily unavailable',
  unavailableStale: 'Showing the last known deployments; they may be out of date.',
  errorTitle: 'The update daemon reported an error',
  errorDetail: 'Details: {detail}',
  transactionTitle: 'An operation is in progress',
  transactionBody: '{method}, started by {initiator}',

  deploymentsHeading: 'Deployments',
  deploymentsSubtitle: 'In boot order: the first one starts at the next boot.',
  deploymentsEmpty: 'The update daemon reports no deployments.',
  staleNotice: 'Out of date',
  staleNoticeLabel: 'This list may be out of date.',

  roleBooted: 'Booted',
  rolePending: 'Pending — applies on reboot',
  roleRollback: 'Rollback',
  roleOther: 'Older deployment',
  badgePinned: 'Pinned',
  badgeStaged: 'Staged',
  badgeUnlocked: 'Unlocked ({state})',

  fieldOrigin: 'Origin',
  fieldDate: 'Date',
  fieldCommit: 'Commit',
  fieldBase: 'Base',
  fieldLayered: 'Layered packages',
  fieldRemoved: 'Removed from base',
  fieldReplaced: 'Replaced in base',
  fieldEndOfLife: 'End of life',

  dateUnknown: 'Unknown date',
  baseVersion: '{version} (commit {checksum})',
  baseChecksumOnly: 'Commit {checksum}',
  originUnknown: 'Unknown origin',
  originContainer: 'Container image {reference}',
  originChecksum: 'Fixed commit {checksum}',
  noLayeredPackages: 'No layered packages',
  replacement: '{original} → {replacement}',

  copy: 'Copy',
  copied: 'Copied',
  copyLabel: 'Copy the full commit checksum {checksum}',
  copyAnnounce: 'Copied the commit checksum to the clipboard',
  copyFailed: 'Could not copy to the clipboard',

  tabsLabel: 'Views',
  tabUpdates: 'Updates',
  tabDeployments: 'Deployments',
  tabPackages: 'Packages',
  tabKernel: 'Kernel',
  tabReboot: 'Next boot',

  updatesHeading: 'Updates',
  checkForUpdates: 'Check for updates',
  checking: 'Checking…',
  lastChecked: 'Last checked {when}',
  neverChecked: 'Not checked yet by this app',
  statusUnknown: 'Waiting for the update daemon…',
  statusUpToDate: 'Up to date',
  statusUpToDateBody: 'This system runs the newest version the daemon knows of.',
  statusAvailable: 'Update available',
  statusAvailableBody_one: '{version} · {count} package change',
  statusAvailableBody_other: '{version} · {count} package changes',
  statusAdvisories_one: '{count} advisory, severity: {severity}',
  statusAdvisories_other: '{count} advisories, the most severe: {severity}',
  statusWorking: 'Working: {title}',
  statusStaged: 'Update staged — reboot to apply',
  statusStagedBody: '{version} is ready and starts at the next boot.',
  statusPendingRollback: 'Going back — reboot to apply',
  statusPendingRollbackBody: '{version} starts at the next boot.',
  statusFailed: 'The last operation failed',
  statusCheckFailed: 'The update check failed',
  statusBusy: 'Another program is using the update daemon',
  statusBusyBody: '{title}, started by {initiator}',
  unknownVersion: 'a new version',
  reviewUpdate: 'Review update',
  downloadAndStage: 'Download and stage',
  applyNow: 'Apply now',
  restartNow: 'Restart now',
  cancelOperation: 'Cancel',
  close: 'Close',
  goBack: 'Go back',
  requestFailed: 'The request failed: {message}',
  tryAgain: 'Try again',

  commandLineLabel: 'Command line',
  commandLineTitle: 'The same operation in a terminal',

  sheetTitle: 'Update to {version}',
  sheetDescription: 'What this update changes, before anything is downloaded.',
  sheetDate: 'Released {date}',
  sheetOrigin: 'From {origin}',
  advisoriesHeading: 'Advisories ({count})',
  advisoriesNone: 'No advisories for this update.',
  advisoryPackages: 'Packages',
  advisoryCves: 'CVEs',
  severity_critical: 'Critical',
  severity_important: 'Important',
  severity_moderate: 'Moderate',
  severity_low: 'Low',
  severity_none: 'No severity',
  advisory_security: 'Security',
  advisory_bugfix: 'Bug fix',
  advisory_enhancement: 'Enhancement',
  advisory_newpackage: 'New package',
  advisory_unknown: 'Other',

  diffHeading: 'Package changes ({count})',
  diffFilterLabel: 'Filter packages',
  diffFilterPlaceholder: 'Filter by name',
  diffKindsLabel: 'Show kinds of change',
  diffEmpty: 'No package changes.',
  diffNoMatch: 'No packages match the filter.',
  diffShowing: 'Showing {shown} of {total}',
  change_added: 'Added',
  change_removed: 'Removed',
  change_upgraded: 'Upgraded',
  change_downgraded: 'Downgraded',
  chipCount: '{label} {count}',
  versionArrow: '{from} → {to}',
  layered: 'layered',

  confirmApplyTitle: 'Restart now?',
  confirmApplyBody:
    'The computer restarts now and boots into {version}. Save your work in open applications first.',

  activityHeading: 'Activity',
  activityByThisApp: 'Started by this app',
  activityByOther: 'Started by another program: {initiator}',
  phase_running: 'Running',
  phase_succeeded: 'Finished',
  phase_failed: 'Failed',
  phase_cancelled: 'Cancelled',
  tasksLabel: 'Steps',
  taskDone: 'Done',
  taskRunning: 'In progress',
  progressLabel: 'Progress',
  receivingObjects: 'Receiving objects',
  downloadBytes: '{bytes} downloaded',
  downloadSpeed: '{speed}',
  downloadEta: 'About {eta} left',
  downloadObjects: '{fetched} of {requested} objects',
  messagesLabel: 'Messages',
  activityError: 'Error: {message}',
  queuedTitle: 'Your request is waiting',
  taskUnfinished: 'Not finished',
  command_checkForUpdates: 'Check for updates',
  command_stageUpdate: 'Download and stage',
  command_cancelTransaction: 'Cancel',
  command_rebootToApply: 'Apply now',
  command_rollback: 'Roll back',
  command_undoRollback: 'Undo rollback',
  command_deployRevision: 'Deploy a version',
  command_cleanup: 'Clean up',
  command_changePackages: 'Change layered packages',
  command_changeOverrides: 'Change base package overrides',
  command_resetPackageChanges: 'Reset package changes',
  command_changeKernelArgs: 'Change kernel arguments',
  command_setPinned: 'Pin or unpin a deployment',
  command_setAutomaticUpdatePolicy: 'Change automatic updates',
  command_changeDesktopSettings: 'Change app settings',
  queuedBody: '“{command}” starts when the other program’s operation ends (waiting since {since}).',

  pin: 'Pin',
  unpin: 'Unpin',
  pinLabel: 'Pin {version}: keep it when newer deployments replace the old ones',
  unpinLabel: 'Unpin {version}: let the system remove it when it is no longer needed',
  pinHint:
    'Pinned deployments are never removed automatically. Changing a pin asks for an administrator password.',

  upgradeNow: 'Upgrade now',
  unavailableWith: '{feature}: not available with {daemon}, whose D-Bus API has no call for it.',
  feature_check_updates: 'Checking for updates without installing them',
  feature_stage_update: 'Downloading and staging updates',
  feature_package_diff: 'Package lists of updates and deployments',
  feature_advisories: 'Security advisories',
  feature_rollback: 'Rolling back',
  feature_deploy_version: 'Deploying a chosen version',
  feature_cleanup: 'Cleaning up deployments',
  feature_cancel: 'Cancelling an operation',
  feature_layer_packages: 'Layering packages',
  feature_override_packages: 'Removing or replacing base packages',
  feature_search_packages: 'Searching packages',
  feature_kernel_args: 'Kernel arguments',
  feature_pin: 'Pinning deployments',
  feature_automatic_update_policy: 'The automatic-update policy',
  feature_reboot: 'Restarting from the app',

  tabSettings: 'Settings',
  settingsHeading: 'Settings',
  policyHeading: 'Automatic updates',
  policyIntro:
    'What the system’s update service does on its own, for every user of this computer. Changing it asks for an administrator password.',
  policyCurrent: 'Now: {policy}',
  policy_none: 'Off',
  policy_none_help: 'Nothing happens until someone checks or updates by hand.',
  policy_check: 'Check for updates',
  policy_check_help: 'Looks for updates regularly and tells you about them; downloads nothing big.',
  policy_stage: 'Download and stage updates',
  policy_stage_help:
    'Downloads and prepares updates in the background; they apply at the next restart.',
  policy_apply: 'Download, stage and restart (set outside this app)',
  policy_unknown: 'Unknown ({policy})',
  policySave: 'Apply',
  policySaving: 'Applying…',
  policyNoSystem: 'Connect to the update daemon to see its policy.',
  appSettingsHeading: 'This app',
  settingBackgroundChecks: 'Check for updates in the background',
  settingBackgroundChecksHelp:
    'Only when the system’s automatic updates are not off; never on a metered connection or a low battery.',
  settingQuiet: 'Only notify me about security-critical updates',
  settingQuietHelp:
    'Staged updates and failures are then shown here and in the tray, without a notification.',
  settingAutostart: 'Start in the tray when I log in',
  settingAutostartHelp: 'Shows the update status in the tray without opening this window.',
  backgroundHeading: 'Background checks',
  backgroundNext: 'Next check',
  backgroundLast: 'Last background check',
  backgroundSkipped: 'Last skipped',
  backgroundNever: 'Never',
  backgroundNotScheduled: 'Not scheduled',
  backgroundSkippedAt: '{time}: {reason}',
  skip_disabled: 'background checks are switched off',
  skip_daemon_policy_none: 'the system’s automatic updates are off',
  skip_daemon_not_ready: 'the update daemon was not available',
  skip_transaction_running: 'another operation was running',
  skip_metered: 'the network connection is metered',
  skip_low_battery: 'the battery was low',
  backgroundNetwork: 'Network',
  networkMetered: 'Metered',
  networkNotMetered: 'Not metered',
  unknownValue: 'Unknown',
  backgroundPower: 'Power',
  powerBattery: 'On battery ({percent}%)',
  powerBatteryUnknown: 'On battery',
  powerMains: 'Plugged in',
  notificationsHeading: 'Recent notifications',
  notificationsEmpty: 'No notifications yet.',
  notificationsQuietNote: 'Quiet mode is on: only security-critical updates are announced.',
  helperStopped: 'The administrator helper stopped: {message}',

  deploymentActionsLabel: 'Deployment actions',
  rollback: 'Roll back…',
  undoRollback: 'Undo rollback',
  compare: 'Compare…',
  deployVersion: 'Deploy a version…',
  cleanUp: 'Clean up…',
  rollbackTitle: 'Roll back to {version}?',
  rollbackBody:
    'At the next boot the computer starts {version} again. These are the changes from what runs now:',
  rollbackConfirm: 'Roll back',
  rolledBackNotice: 'A rollback to {version} is pending. Undo it to keep booting {booted}.',
  diffLoading: 'Loading the package changes…',
  diffFailed: 'Could not load the package changes: {message}',
  compareTitle: 'Compare deployments',
  compareFrom: 'From',
  compareTo: 'To',
  compareRun: 'Compare',
  compareSame: 'Pick two different deployments.',
  deployTitle: 'Deploy a specific version',
  deployRevisionLabel: 'Version or commit checksum',
  deployRevisionHint: 'For example 41.20241019.0, or a 64-character checksum.',
  deployRevisionInvalid: 'Letters, digits and . _ : + ~ = - only, starting with a letter or digit.',
  deployPreview: 'Preview changes',
  deployConfirm: 'Deploy {version}',
  deployConfirmPlain: 'Deploy',
  cleanupTitle: 'Clean up',
  cleanupBody: 'Choose what to remove. Removed deployments cannot be booted any more.',
  cleanupConfirm: 'Remove selected',
  cleanupGoes: 'This removes: {list}.',
  'cleanup_pending-deploy': 'The pending deployment ({version})',
  'cleanup_rollback-deploy': 'The rollback deployment ({version})',
  cleanup_repomd: 'Cached repository metadata (downloaded again when needed)',
  cleanup_base: 'Temporary files of earlier operations',

  yes: 'Yes',
  no: 'No',
  appliesAtNextBoot:
    'This makes a new deployment that starts at the next boot. Until you restart, you can undo it.',
  state_inEffect: 'In effect',
  state_pending: 'Pending — applies at next boot',
  state_notApplied: 'Requested, not applied',
  state_goingAway: 'Goes away at next boot',

  layeredHeading: 'Layered packages',
  layeredNote:
    'Packages installed on top of the base image. Changes apply at the next boot; pending ones can be undone until then.',
  localHeading: 'Local packages',
  overridesHeading: 'Base image overrides',
  overridesNote: 'Packages of the base image that are removed or replaced on this computer.',
  noRemovals: 'No base packages are removed.',
  rowRemove: 'Remove',
  rowRemoveLabel: 'Remove {name}',
  rowRestore: 'Restore',
  rowRestoreLabel: 'Restore {name} from the base image',
  rowReset: 'Reset',
  rowResetLabel: 'Reset {name} to the base image’s version',
  rowUndo: 'Undo',
  rowUndoLabel: 'Undo the pending change to {name}',
  resetLayering: 'Reset all layering…',
  resetOverrides: 'Reset all overrides…',

  addPackagesHeading: 'Add packages',
  searchPackagesLabel: 'Search packages',
  searchPackagesPlaceholder: 'Package name or words of its summary',
  searchPackages: 'Search',
  searching: 'Searching the repositories…',
  searchFailed: 'The search failed: {message}',
  searchNothing: 'No package matches “{terms}”.',
  searchFound_one: '{count} package found',
  searchFound_other: '{count} packages found',
  searchResultsLabel: 'Search results',
  searchProblem_empty: 'Type what to search for.',
  searchProblem_tooMany: 'Search for at most {max} words at a time.',
  searchProblem_badTerm:
    'Search words may contain letters, digits and . _ + - : ~ ^, and the wildcards * and ?.',
  match_nameAndSummary: 'Matches the name and summary',
  match_name: 'Matches the name',
  match_summary: 'Matches the summary',
  fromRepo: 'from {repo}',
  addPackage: 'Add',
  addPackageLabel: 'Add {name}',
  alreadyRequested: 'Already requested',
  addByNameLabel: 'Add a package by name',
  addByNameButton: 'Add by name…',
  addByNameHint: 'The exact name, for example htop, or a name with its version.',
  removeBaseLabel: 'Remove a base package by name',
  removeBaseButton: 'Remove from base…',
  removeBaseHint: 'The name of a package of the base image, for example firefox.',
  packageRefused: 'Not sent: “{spec}” is not a package name',
  packageProblem_empty: 'Type a package name.',
  packageProblem_tooLong: 'A package name has at most {max} characters.',
  packageProblem_space: 'One package name at a time, without spaces.',
  packageProblem_optionLike: 'A package name cannot start with “-”.',
  packageProblem_characters:
    'Letters, digits and . _ + : ~ ^ - only, starting with a letter, a digit or _.',

  installTitle: 'Add {name}?',
  installBody: '{name} is installed on top of the base image, from the configured repositories.',
  installConfirm: 'Add',
  uninstallTitle: 'Remove {name}?',
  uninstallBody: 'The layered package {name} is left out.',
  uninstallConfirm: 'Remove',
  overrideRemoveTitle: 'Remove {name} from the base image?',
  overrideRemoveBody:
    'The base image’s {name} is left out. Programs that need it may stop working; you can restore it later.',
  overrideRemoveConfirm: 'Remove from base',
  overrideResetTitle: 'Restore {name}?',
  overrideResetBody: 'The base image’s own {name} comes back.',
  overrideResetConfirm: 'Restore',
  resetLayeringTitle: 'Remove every layered package?',
  resetLayeringBody: 'Every layered package is left out, leaving the base image’s packages.',
  resetLayeringConfirm: 'Reset layering',
  resetOverridesTitle: 'Reset every override?',
  resetOverridesBody: 'Every removed or replaced base package comes back as the base image has it.',
  resetOverridesConfirm: 'Reset overrides',

  kargsHeading: 'Kernel command line',
  kargsRunning: 'Running now',
  kargsNextBoot: 'At the next boot',
  kargsNoPending: 'Nothing is pending: the next boot uses the same arguments.',
  kargsUnknown: 'The kernel arguments are not known yet.',
  kargsManagedNote:
    'ostree= points the boot loader at a deployment and is written by the system for each one (as are BOOT_IMAGE= and initrd=); they are shown but cannot be edited.',
  kargManaged: 'Set by the system',
  kargsRevert: 'Revert to the running arguments',
  kargsRevertNote:
    'Puts the edits that undo the pending changes in your changes below; nothing is sent until you apply them.',
  kargsEditHeading: 'Arguments',
  kargsEditOnPending:
    'A deployment is already pending: changes apply on top of its arguments, at the next boot.',
  kargsEditOnBooted: 'Changes apply at the next boot, on top of the arguments running now.',
  kargEdit: 'Edit',
  kargEditLabel: 'Edit {arg}',
  kargRemove: 'Remove',
  kargRemoveLabel: 'Remove {arg}',
  kargEditInput: 'New text for {arg}',
  kargEditHint: 'Change the value, for example mitigations=auto.',
  kargSave: 'Save',
  kargSaveLabel: 'Save the change to {arg}',
  kargCancelEdit: 'Cancel',
  kargWillGo: 'Removed at the next boot',
  kargWillBecome: 'Becomes {arg} at the next boot',
  kargAddLabel: 'Add a kernel argument',
  kargAdd: 'Add argument',
  kargAddHint: 'One argument: a name, or name=value, for example nvidia-drm.modeset=1.',
  kargProblem_empty: 'Type an argument, for example quiet or name=value.',
  kargProblem_tooLong: 'One argument has at most {max} characters.',
  kargProblem_control: 'Arguments cannot contain line breaks, tabs or other control characters.',
  kargProblem_space: 'No spaces, except inside double quotes ("…"): add one argument at a time.',
  kargProblem_quote: 'A double quote is opened and never closed.',
  kargProblem_badKey:
    'The name before “=” must start with a letter, a digit or _ and contain only letters, digits, _ . and -.',
  kargProblem_managed: '{key}= is set by the system for each deployment and cannot be edited.',
  kargsProblem_duplicate: '“{arg}” is already on the command line.',
  kargsProblem_notPresent: '“{arg}” is not on the command line.',
  kargsProblem_ambiguous: '{key} appears more than once: say which one, as {key}=value.',
  kargsProblem_noChange: 'Nothing would change.',
  kargsProblem_lineTooLong:
    'The command line would be {length} characters long; the kernel reads at most {max}.',
  kargsDraftHeading: 'Changes for the next boot',
  kargsDraftEmpty: 'No changes yet: edit, remove or add arguments, or pick a suggestion.',
  edit_add: 'Add {arg}',
  edit_remove: 'Remove {arg}',
  edit_replace: 'Change {from} to {to}',
  undoEditLabel: 'Undo: {edit}',
  kargsPreviewHeading: 'Command line after the change',
  markAdded: 'added:',
  markRemoved: 'removed:',
  markChanged: 'changed from {previous}:',
  markManaged: 'set by the system:',
  kargsApply: 'Apply kernel arguments',
  kargsApplying: 'Applying…',
  kargsDiscard: 'Discard changes',
  suggestionsHeading: 'Common arguments',
  suggestionsNote: 'Nothing here is added unless you pick it.',
  suggestionAdd: 'Add',
  suggestionAddLabel: 'Add suggestion {arg}',
  suggestionReplace: 'Use instead',
  suggestionReplaceLabel: 'Use suggestion {arg} instead of {current}',
  suggestionPresent: 'Already set',
  suggestionDrafted: 'In your changes',
  suggestionKeyDrafted: '{key} is in your changes',
  kargAbout_nvidiaModeset:
    'Kernel mode setting for NVIDIA’s proprietary driver; needed for Wayland sessions on it.',
  kargAbout_rdBlacklist:
    'Keeps the open-source nouveau driver out of the early boot (initramfs), for NVIDIA’s driver.',
  kargAbout_modprobeBlacklist:
    'Keeps the nouveau driver from loading later in the boot, for NVIDIA’s driver.',
  kargAbout_quiet: 'Fewer kernel messages on screen while booting.',
  kargAbout_rhgb: 'Graphical boot: the splash screen instead of boot messages.',
  kargAbout_mitigationsAuto:
    'The default: the kernel protects against the CPU vulnerabilities this processor has.',
  kargAbout_mitigationsOff:
    'Turns off the protections against CPU vulnerabilities. Can be faster, but unsafe: not recommended.',
  kargAbout_initOnAlloc1:
    'Fills memory with zeros when it is handed out: hardening against data leaks, at a small cost in speed.',
  kargAbout_initOnAlloc0:
    'Does not zero memory when it is handed out: a little faster, less hardened.',
  kargAbout_amdPstate:
    'Lets recent AMD processors manage their own clock speed (the amd-pstate driver in active mode).',
  kargAbout_cgroup1:
    'The unified control-group hierarchy (cgroup v2), the default of current systems.',
  kargAbout_cgroup0:
    'The legacy cgroup v1 hierarchy, for old container tools. Recent systemd versions no longer support it.',
  kargAbout_consoleTty: 'Kernel messages on the screen’s text console.',
  kargAbout_consoleSerial:
    'Kernel messages on the first serial port at 115200 baud, for servers and debugging.',

  rebootUnknown: 'Nothing is known about the booted deployment yet.',
  rebootNothingPending: 'Nothing is pending',
  rebootAllInEffect: 'Everything requested is in effect.',
  rebootNotApplied_one:
    '{count} request is not applied (for example a package the base image already provides).',
  rebootNotApplied_other:
    '{count} requests are not applied (for example packages the base image already provides).',
  rebootPendingTitle: '{version} starts at the next boot',
  rebootChanges_one: '{count} change takes effect when you restart.',
  rebootChanges_other: '{count} changes take effect when you restart.',
  rebootBaseChange: 'The base image changes too, from {from} to {to}.',
  rebootColumnsNote:
    'Requested: what you asked for. Staged: what the pending deployment has. Running: what runs now.',
  rebootNoItems: 'No layered packages, overrides or kernel arguments.',
  colItem: 'Item',
  colRequested: 'Requested',
  colStaged: 'Staged',
  colRunning: 'Running',
  colState: 'State',
  kind_package: 'Layered packages',
  kind_localPackage: 'Local packages',
  kind_baseRemoval: 'Removed from base',
  kind_replacement: 'Replaced in base',
  kind_karg: 'Kernel arguments',
  discardPending: 'Discard pending changes…',
  discardPendingTitle: 'Discard the pending deployment?',
  discardPendingBody:
    'The pending deployment ({version}) is deleted with every change it holds — packages, overrides, kernel arguments and any staged update. The next boot starts what runs now.',
  discardPendingConfirm: 'Discard',

  // Tray and notifications (drawn by electron/; see renderer/i18n/desktop-text.ts)
  trayUpToDate: 'System up to date',
  trayUpdateAvailable: 'Update available: {version}',
  trayUpdateAvailableNoVersion: 'An update is available',
  trayWorking: '{title}…',
  trayWorkingPercent: '{title}: {percent} done',
  trayWorkingDefault: 'Working on the system',
  trayStaged: 'Update to {version} staged — restart to apply',
  trayStagedNoVersion: 'Update staged — restart to apply',
  trayFailed: 'The last operation failed: {message}',
  trayFailedNoMessage: 'The last operation failed',
  trayNoDaemon: 'No update daemon: {message}',
  trayNoDaemonNoMessage: 'No update daemon available',
  trayMenuOpen: 'Open',
  trayMenuCheckNow: 'Check for updates now',
  trayMenuReboot: 'Reboot to apply…',
  trayMenuQuit: 'Quit',
  trayRebootTitle: 'Reboot to apply the update',
  trayRebootMessage: 'Restart now to apply {version}?',
  trayRebootDetail:
    'The computer restarts now and boots into {version}. Save your work in open applications first.',
  trayRebootConfirm: 'Restart now',
  trayRebootCancel: 'Cancel',
  notifyStagedTitle: 'Update staged — restart to apply',
  notifyStagedBody: '{version} is ready and starts when you restart the computer.',
  notifyStagedNoVersion: 'The update is ready and starts when you restart the computer.',
  notifyCriticalTitle: 'Critical security update available',
  notifyImportantTitle: 'Important security update available',
  notifyUpdateTitle: 'Important update available',
  notifyUpdateVersion: 'Version {version} is available.',
  notifyUpdateNoVersion: 'A new version is available.',
  notifyAdvisories_one: 'It fixes {count} security advisory.',
  notifyAdvisories_other: 'It fixes {count} security advisories.',
  notifyFailedTitle: 'Failed: {title}',
  notifyFailedNoTitle: 'An update operation failed',
  notifyFailedBody: 'The update daemon said: {message}',
  notifyFailedNoMessage: 'The update daemon gave no reason.',

  // Health checks and diagnostics (renderer/i18n/health-text.ts)
  healthHeading: 'System health',
  healthChecking: 'Checking the system…',
  healthAllGood: 'No problems found',
  healthNeedsAttention_one: '{count} check needs attention',
  healthNeedsAttention_other: '{count} checks need attention',
  healthPassed_one: '{count} check passed',
  healthPassed_other: '{count} checks passed',
  healthCheckedAt: 'Checked {when}',
  healthRecheck: 'Check again',
  healthRecheckLabel: 'Check again: run the health checks now',
  healthRecheckFailed: 'Could not run the health checks: {message}',
  healthChecksLabel: 'Health checks',
  healthStatus_ok: 'OK',
  healthStatus_warning: 'Warning',
  healthStatus_problem: 'Problem',
  healthStatus_unknown: 'Could not check',
  healthCouldNotRun: 'This check could not run: {reason}',
  healthSpace: '{free} free of {total} ({path})',
  healthBootOk: 'Enough space on /boot',
  healthBootLow: 'Little space left on /boot',
  healthBootFull: 'Not enough space on /boot for the next update',
  healthBootUnknown: 'Could not measure the space on /boot',
  healthBootNeeds:
    'A new kernel with its initramfs needs about {needed}; keep at least {recommended} free.',
  healthBootAdvice:
    'Removing the rollback or the pending deployment frees the kernels only they use.',
  healthSysrootOk: 'Enough space for new deployments',
  healthSysrootLow: 'Little space left for new deployments',
  healthSysrootFull: 'Not enough space to download the next update',
  healthSysrootUnknown: 'Could not measure the space for new deployments',
  healthSysrootNeeds:
    'ostree stops writing below {needed}; an update needs up to {recommended} of new files.',
  healthSysrootAdvice:
    'Clean up cached metadata and old deployments, or free space on this disk elsewhere.',
  healthFinalizeOk: 'No failed update at the last restart',
  healthFinalizeFailed: 'The staged update failed to apply at the last restart',
  healthFinalizeUnknown: 'Could not read the system journal',
  healthFinalizeBody:
    'The computer started the previous version again; the staged update was dropped.',
  healthFinalizeNoMessage: 'The journal does not say why.',
  healthFinalizeAdvice:
    'See what went wrong, fix it (often a full /boot), then download and stage the update again.',
  healthFinalizeUnknownAdvice:
    'The status command below reads the same journal: run it as a user who may read the system journal.',
  healthAgeOk: 'Updated recently',
  healthAgeOld: 'No update for {days} days',
  healthAgeUnknown: 'Not known when the system was last updated',
  healthAgeBasis_deployment: 'The running or pending version was built {when}.',
  healthAgeBasis_check: 'A check found nothing newer {when}.',
  healthAgeBasis_stage: 'An update was staged {when}.',
  healthAgeAdvice: 'Check for updates now; if the check fails, it says why.',
  healthStallOk: 'No operation is stuck',
  healthStalled: '“{title}” has made no progress for more than {minutes} minutes',
  healthStalledBody: 'The update daemon still says it runs. Last progress: {when}.',
  healthStalledAdvice: 'Cancel it, then try again.',
  healthFixCheck: 'Check now',
  healthFixUpgrade: 'Update now',
  healthStalledNoCancel:
    'This update daemon cannot cancel an operation; wait for it, or restart the update service.',
  exportDiagnostics: 'Export diagnostics…',
  exportDiagnosticsHelp:
    'One JSON file for a bug report: the daemon’s state as rpm-ostree status --json shows it, recent operations with their messages, versions, health checks and this app’s settings. It holds no passwords, tokens or files of yours.',
  exportingDiagnostics: 'Exporting…',
  diagnosticsSaved: 'Saved to {path}',
  diagnosticsDownloaded: 'Downloaded {file}',
  diagnosticsFailed: 'Could not export diagnostics: {message}',
  diagnosticsHeading: 'Diagnostics',
} as const;

export type StringKey = keyof typeof strings;

/** The placeholder names in a string literal type: `'a {x} b {y}'` → `'x' | 'y'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** Keys of strings without placeholders: safe to pass around as data. */
export type PlainStringKey = {
  [K in StringKey]: [Placeholders<(typeof strings)[K]>] extends [never] ? K : never;
}[StringKey];

export type Params<K extends StringKey> = Readonly<
  Record<Placeholders<(typeof strings)[K]>, string | number>
>;

/** Fills `{name}` placeholders; an unknown placeholder is left as written. */
export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/** The string for `key`, with its placeholders filled in. */
export function t<K extends StringKey>(
  key: K,
  ...params: [Placeholders<(typeof strings)[K]>] extends [never] ? [] : [Params<K>]
): string {
  const [values] = params;
  return values ? interpolate(strings[key], values) : strings[key];
}

/** Base keys that have `_one` and `_other` variants. */
export type PluralKey = {
  [K in StringKey]: K extends `${infer Base}_other`
    ? `${Base}_one` extends StringKey
      ? Base
      : never
    : never;
}[StringKey];

const pluralRules = new Intl.PluralRules();

/**
 * The plural form of `base` for `count` (Intl.PluralRules picks the category;
 * a translation may add `_few`, `_many`… variants), with `{count}` and the
 * other placeholders filled in.
 */
export function tn(
  base: PluralKey,
  count: number,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const table: Readonly<Record<string, string>> = strings;
  const template = table[`${base}_${pluralRules.select(count)}`] ?? table[`${base}_other`]!;
  return interpolate(template, { ...params, count });
}
