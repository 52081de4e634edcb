/**
 * Refusals made before anything is sent, as sentences that say why: a
 * package name, a search, a kernel argument or a whole kernel-argument change.
 */
import type {
  KernelArgProblem,
  KernelArgsChangeProblem,
} from '../../daemon-bridge/contract/kernel-args.ts';
import {
  MAX_KERNEL_ARG_LENGTH,
  MAX_KERNEL_CMDLINE_LENGTH,
  parseKernelArg,
} from '../../daemon-bridge/contract/kernel-args.ts';
import type { PackageSpecProblem } from '../../daemon-bridge/contract/packages.ts';
import {
  MAX_PACKAGE_SPEC_LENGTH,
  MAX_SEARCH_TERMS,
} from '../../daemon-bridge/contract/packages.ts';
import { assertNever } from '../../daemon-bridge/contract/domain.ts';
import type { SearchProblem } from '../store/packages/packages-slice.ts';
import { t } from './strings.ts';

export function packageProblemText(problem: PackageSpecProblem): string {
  switch (problem) {
    case 'empty':
      return t('packageProblem_empty');
    case 'too-long':
      return t('packageProblem_tooLong', { max: MAX_PACKAGE_SPEC_LENGTH });
    case 'space':
      return t('packageProblem_space');
    case 'option-like':
      return t('packageProblem_optionLike');
    case 'characters':
      return t('packageProblem_characters');
    default:
      return assertNever(problem);
  }
}

export function searchProblemText(problem: SearchProblem): string {
  switch (problem) {
    case 'empty':
      return t('searchProblem_empty');
    case 'too-many-terms':
      return t('searchProblem_tooMany', { max: MAX_SEARCH_TERMS });
    case 'bad-term':
      return t('searchProblem_badTerm');
    default:
      return assertNever(problem);
  }
}

export function kargProblemText(arg: string, problem: KernelArgProblem): string {
  switch (problem) {
    case 'empty':
      return t('kargProblem_empty');
    case 'too-long':
      return t('kargProblem_tooLong', { max: MAX_KERNEL_ARG_LENGTH });
    case 'control-character':
      return t('kargProblem_control');
    case 'space':
      return t('kargProblem_space');
    case 'unbalanced-quote':
      return t('kargProblem_quote');
    case 'bad-key':
      return t('kargProblem_badKey');
    case 'managed':
      return t('kargProblem_managed', { key: parseKernelArg(arg).key });
    default:
      return assertNever(problem);
  }
}

export function kargsChangeProblemText(problem: KernelArgsChangeProblem): string {
  switch (problem.kind) {
    case 'argument':
      return kargProblemText(problem.arg, problem.problem);
    case 'duplicate':
      return t('kargsProblem_duplicate', { arg: problem.arg });
    case 'not-present':
      return t('kargsProblem_notPresent', { arg: problem.arg });
    case 'ambiguous':
      return t('kargsProblem_ambiguous', { key: problem.key });
    case 'no-change':
      return t('kargsProblem_noChange');
    case 'line-too-long':
      return t('kargsProblem_lineTooLong', {
        length: problem.length,
        max: MAX_KERNEL_CMDLINE_LENGTH,
      });
    default:
      return assertNever(problem);
  }
}
