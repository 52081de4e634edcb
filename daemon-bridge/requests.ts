import type { CleanupElement } from './contract/updates.ts';
import {
  cleanupCommandLine,
  commandLines,
  deployCommandLine,
  deployPreviewCommandLine,
  kernelArgsCommandLine,
  overrideCommandLine,
  packageChangeCommandLine,
  resetCommandLine,
} from './contract/command-lines.ts';
import type { KernelArgsChange } from './contract/kernel-args.ts';
import type {
  OverrideChangeRequest,
  PackageChangeRequest,
  ResetRequest,
} from './contract/packages.ts';
import { assertNever } from './contract/domain.ts';

/** Every transaction the app can ask the daemon for. */
export type TransactionRequest =
  | { readonly kind: 'check' }
  | { readonly kind: 'upgrade' }
  | { readonly kind: 'rollback' }
  | { readonly kind: 'deploy'; readonly revision: string }
  | { readonly kind: 'download-deploy-diff'; readonly revision: string }
  | { readonly kind: 'cleanup'; readonly elements: readonly CleanupElement[] }
  | ({ readonly kind: 'packages' } & PackageChangeRequest)
  | ({ readonly kind: 'overrides' } & OverrideChangeRequest)
  | ({ readonly kind: 'reset' } & ResetRequest)
  | ({ readonly kind: 'kernel-args' } & KernelArgsChange);

/** The `rpm-ostree` command line that asks the daemon for the same thing. */
export function commandLineOf(request: TransactionRequest): string {
  switch (request.kind) {
    case 'check':
      return commandLines.check;
    case 'upgrade':
      return commandLines.stage;
    case 'rollback':
      return commandLines.rollback;
    case 'deploy':
      return deployCommandLine(request.revision);
    case 'download-deploy-diff':
      return deployPreviewCommandLine(request.revision);
    case 'cleanup':
      return cleanupCommandLine(request.elements);
    case 'packages':
      return packageChangeCommandLine(request);
    case 'overrides':
      return overrideCommandLine(request);
    case 'reset':
      return resetCommandLine(request);
    case 'kernel-args':
      return kernelArgsCommandLine(request);
    default:
      return assertNever(request);
  }
}
