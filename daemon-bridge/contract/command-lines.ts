/**
 * The `rpm-ostree` (or system) command line equivalent to each action, so
 * users learn the CLI and can quote it in reports. The renderer shows them
 * beside actions; the bridge records them on the activity it runs. Commands
 * are never translated, so they are not in the strings table.
 */
import type { CleanupElement } from './updates.ts';

export const commandLines = {
  check: 'rpm-ostree upgrade --check',
  preview: 'rpm-ostree upgrade --preview',
  stage: 'rpm-ostree upgrade',
  cancel: 'rpm-ostree cancel',
  reboot: 'systemctl reboot',
  rollback: 'rpm-ostree rollback',
  /** A second rollback before rebooting undoes the first. */
  undoRollback: 'rpm-ostree rollback',
} as const;

const cleanupFlags: { readonly [E in CleanupElement]: string } = {
  base: '-b',
  'pending-deploy': '-p',
  'rollback-deploy': '-r',
  repomd: '-m',
};

export function cleanupCommandLine(elements: readonly CleanupElement[]): string {
  return ['rpm-ostree cleanup', ...elements.map((e) => cleanupFlags[e])].join(' ');
}

export function deployCommandLine(revision: string): string {
  return `rpm-ostree deploy ${revision}`;
}

export function deployPreviewCommandLine(revision: string): string {
  return `rpm-ostree deploy --preview ${revision}`;
}

export function compareCommandLine(from: string, to: string): string {
  return `rpm-ostree db diff ${from} ${to}`;
}
