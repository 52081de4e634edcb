/**
 * The `rpm-ostree` (or system) command line equivalent to each action, so
 * users learn the CLI and can quote it in reports. The renderer shows them
 * beside actions; the bridge records them on the activity it runs. Commands
 * are never translated, so they are not in the strings table.
 */
import type { KernelArgsChange } from './kernel-args.ts';
import type { OverrideChangeRequest, PackageChangeRequest, ResetRequest } from './packages.ts';
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

/** Quotes one word for a POSIX shell when it needs it. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_.,:=+@%/^~-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const words = (xs: readonly string[]) => xs.map(shellWord).join(' ');

export function searchCommandLine(terms: readonly string[]): string {
  return `rpm-ostree search ${words(terms)}`;
}

export function packageChangeCommandLine(r: PackageChangeRequest): string {
  if (r.add.length === 0) return `rpm-ostree uninstall ${words(r.remove)}`;
  const uninstall = r.remove.map((p) => ` --uninstall=${shellWord(p)}`).join('');
  return `rpm-ostree install ${words(r.add)}${uninstall}`;
}

export function overrideCommandLine(r: OverrideChangeRequest): string {
  const parts = [
    ...(r.remove.length > 0 ? [`rpm-ostree override remove ${words(r.remove)}`] : []),
    ...(r.reset.length > 0 ? [`rpm-ostree override reset ${words(r.reset)}`] : []),
  ];
  return parts.join(' && ');
}

export function resetCommandLine(r: ResetRequest): string {
  return [
    'rpm-ostree reset',
    ...(r.layering ? ['--overlays'] : []),
    ...(r.overrides ? ['--overrides'] : []),
  ].join(' ');
}

export function kernelArgsCommandLine(c: KernelArgsChange): string {
  return [
    'rpm-ostree kargs',
    ...c.removed.map((a) => `--delete=${shellWord(a)}`),
    ...c.replaced.map((a) => `--replace=${shellWord(a)}`),
    ...c.added.map((a) => `--append=${shellWord(a)}`),
  ].join(' ');
}
