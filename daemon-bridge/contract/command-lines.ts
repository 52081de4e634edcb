/**
 * The `rpm-ostree` (or `apt-ostree`, or system) command line equivalent to
 * each action, so users learn the CLI and can quote it in reports. The
 * renderer shows them beside actions; the bridge records them on the
 * activity it runs. Commands are never translated, so they are not in the
 * strings table. Every builder takes the daemon's tool last (default
 * rpm-ostree): pass `commandLineTools[flavour]` of the connected daemon.
 */
import type { DaemonKind } from './capabilities.ts';
import type { KernelArgsChange } from './kernel-args.ts';
import type { OverrideChangeRequest, PackageChangeRequest, ResetRequest } from './packages.ts';
import type { CleanupElement } from './updates.ts';

/** A daemon's command-line tool: its name and the verbs that differ. */
export interface CommandLineTool {
  readonly name: string;
  /** rpm-ostree's `uninstall`. */
  readonly uninstall: string;
}

export const RPM_OSTREE_CLI: CommandLineTool = { name: 'rpm-ostree', uninstall: 'uninstall' };

/**
 * apt-ostree mirrors rpm-ostree's commands; its architecture notes name the
 * removal command `remove` (seeds/apt-ostree-architecture-fix.txt).
 */
export const APT_OSTREE_CLI: CommandLineTool = { name: 'apt-ostree', uninstall: 'remove' };

/** apt-layer.sh's subcommands (seeds/apt-layer-daemon.txt): install, uninstall, upgrade, rollback. */
export const APT_LAYER_CLI: CommandLineTool = { name: 'apt-layer', uninstall: 'uninstall' };

/** The tool of each daemon (the same names as the profiles' `cliName`). */
export const commandLineTools: { readonly [K in DaemonKind]: CommandLineTool } = {
  'rpm-ostree': RPM_OSTREE_CLI,
  'apt-ostree': APT_OSTREE_CLI,
  'apt-layer': APT_LAYER_CLI,
};

/** The fixed command lines for `tool`. */
export function commandLinesFor(tool: CommandLineTool) {
  return {
    check: `${tool.name} upgrade --check`,
    preview: `${tool.name} upgrade --preview`,
    stage: `${tool.name} upgrade`,
    cancel: `${tool.name} cancel`,
    reboot: 'systemctl reboot',
    rollback: `${tool.name} rollback`,
    /** A second rollback before rebooting undoes the first. */
    undoRollback: `${tool.name} rollback`,
  } as const;
}

/** rpm-ostree's fixed command lines. */
export const commandLines = commandLinesFor(RPM_OSTREE_CLI);

const cleanupFlags: { readonly [E in CleanupElement]: string } = {
  base: '-b',
  'pending-deploy': '-p',
  'rollback-deploy': '-r',
  repomd: '-m',
};

export function cleanupCommandLine(
  elements: readonly CleanupElement[],
  tool: CommandLineTool = RPM_OSTREE_CLI,
): string {
  return [`${tool.name} cleanup`, ...elements.map((e) => cleanupFlags[e])].join(' ');
}

export function deployCommandLine(
  revision: string,
  tool: CommandLineTool = RPM_OSTREE_CLI,
): string {
  return `${tool.name} deploy ${revision}`;
}

export function deployPreviewCommandLine(
  revision: string,
  tool: CommandLineTool = RPM_OSTREE_CLI,
): string {
  return `${tool.name} deploy --preview ${revision}`;
}

export function compareCommandLine(
  from: string,
  to: string,
  tool: CommandLineTool = RPM_OSTREE_CLI,
): string {
  return `${tool.name} db diff ${from} ${to}`;
}

/** Quotes one word for a POSIX shell when it needs it. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_.,:=+@%/^~-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const words = (xs: readonly string[]) => xs.map(shellWord).join(' ');

export function searchCommandLine(
  terms: readonly string[],
  tool: CommandLineTool = RPM_OSTREE_CLI,
): string {
  return `${tool.name} search ${words(terms)}`;
}

export function packageChangeCommandLine(
  r: PackageChangeRequest,
  tool: CommandLineTool = RPM_OSTREE_CLI,
): string {
  if (r.add.length === 0) return `${tool.name} ${tool.uninstall} ${words(r.remove)}`;
  const uninstall = r.remove.map((p) => ` --uninstall=${shellWord(p)}`).join('');
  return `${tool.name} install ${words(r.add)}${uninstall}`;
}

export function overrideCommandLine(
  r: OverrideChangeRequest,
  tool: CommandLineTool = RPM_OSTREE_CLI,
): string {
  const parts = [
    ...(r.remove.length > 0 ? [`${tool.name} override remove ${words(r.remove)}`] : []),
    ...(r.reset.length > 0 ? [`${tool.name} override reset ${words(r.reset)}`] : []),
  ];
  return parts.join(' && ');
}

export function resetCommandLine(r: ResetRequest, tool: CommandLineTool = RPM_OSTREE_CLI): string {
  return [
    `${tool.name} reset`,
    ...(r.layering ? ['--overlays'] : []),
    ...(r.overrides ? ['--overrides'] : []),
  ].join(' ');
}

export function kernelArgsCommandLine(
  c: KernelArgsChange,
  tool: CommandLineTool = RPM_OSTREE_CLI,
): string {
  return [
    `${tool.name} kargs`,
    ...c.removed.map((a) => `--delete=${shellWord(a)}`),
    ...c.replaced.map((a) => `--replace=${shellWord(a)}`),
    ...c.added.map((a) => `--append=${shellWord(a)}`),
  ].join(' ');
}
