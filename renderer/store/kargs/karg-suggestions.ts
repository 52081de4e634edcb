/**
 * Well-known kernel arguments, offered with an explanation. They are only
 * ever suggestions: one joins the draft when the user picks it, never by itself.
 */
import { parseKernelArg, splitKernelArgs } from '../../../daemon-bridge/contract/kernel-args.ts';
import type { PlainStringKey } from '../../i18n/strings.ts';
import type { KargEdit } from './kargs-draft.ts';

export interface KargSuggestion {
  readonly arg: string;
  /** What it does, for people. */
  readonly about: PlainStringKey;
  /** The key may appear several times (each value counts), so picking it always appends. */
  readonly repeatable?: boolean;
}

export const kargSuggestions: readonly KargSuggestion[] = [
  { arg: 'nvidia-drm.modeset=1', about: 'kargAbout_nvidiaModeset' },
  { arg: 'rd.driver.blacklist=nouveau', about: 'kargAbout_rdBlacklist', repeatable: true },
  { arg: 'modprobe.blacklist=nouveau', about: 'kargAbout_modprobeBlacklist', repeatable: true },
  { arg: 'quiet', about: 'kargAbout_quiet' },
  { arg: 'rhgb', about: 'kargAbout_rhgb' },
  { arg: 'mitigations=auto', about: 'kargAbout_mitigationsAuto' },
  { arg: 'mitigations=off', about: 'kargAbout_mitigationsOff' },
  { arg: 'init_on_alloc=1', about: 'kargAbout_initOnAlloc1' },
  { arg: 'init_on_alloc=0', about: 'kargAbout_initOnAlloc0' },
  { arg: 'amd_pstate=active', about: 'kargAbout_amdPstate' },
  { arg: 'systemd.unified_cgroup_hierarchy=1', about: 'kargAbout_cgroup1' },
  { arg: 'systemd.unified_cgroup_hierarchy=0', about: 'kargAbout_cgroup0' },
  { arg: 'console=tty0', about: 'kargAbout_consoleTty', repeatable: true },
  { arg: 'console=ttyS0,115200n8', about: 'kargAbout_consoleSerial', repeatable: true },
];

/** What picking a suggestion would do now. */
export type SuggestionUse =
  /** Already on the line the change applies to. */
  | { readonly kind: 'present' }
  /** Already in the draft. */
  | { readonly kind: 'drafted' }
  /**
   * The draft already changes this argument (or, for a single-valued key,
   * this key): undo that first, so a key never gets two values by accident.
   */
  | { readonly kind: 'key-drafted'; readonly key: string }
  | { readonly kind: 'add'; readonly edit: KargEdit }
  /** The key is there once with another value: pick this one instead. */
  | { readonly kind: 'replace'; readonly edit: KargEdit; readonly current: string };

const keyOf = (arg: string): string => parseKernelArg(arg).key;

/** The arguments an edit brings in or takes away. */
const argsOf = (edit: KargEdit): string[] =>
  edit.kind === 'replace' ? [edit.from, edit.to] : [edit.arg];

export function suggestionUse(
  base: string,
  edits: readonly KargEdit[],
  suggestion: KargSuggestion,
): SuggestionUse {
  const { arg } = suggestion;
  const key = keyOf(arg);
  if (edits.some((e) => (e.kind === 'add' ? e.arg : e.kind === 'replace' ? e.to : null) === arg))
    return { kind: 'drafted' };
  const touched = edits.flatMap(argsOf);
  if (touched.includes(arg) || (!suggestion.repeatable && touched.some((a) => keyOf(a) === key)))
    return { kind: 'key-drafted', key };
  const baseArgs = splitKernelArgs(base);
  if (baseArgs.includes(arg)) return { kind: 'present' };
  const sameKey = baseArgs.filter((a) => keyOf(a) === key);
  const current = sameKey[0];
  if (!suggestion.repeatable && sameKey.length === 1 && current !== undefined)
    return { kind: 'replace', edit: { kind: 'replace', from: current, to: arg }, current };
  return { kind: 'add', edit: { kind: 'add', arg } };
}
