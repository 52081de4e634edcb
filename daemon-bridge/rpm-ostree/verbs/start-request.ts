import { assertNever } from '../../contract/domain.ts';
import type { TransactionRequest } from '../../requests.ts';
import { automaticUpdateTrigger } from './automatic-update-trigger.ts';
import { cleanup } from './cleanup.ts';
import { Variant } from 'dbus-next';
import { deploy } from './deploy.ts';
import { kernelArgs } from './kernel-args.ts';
import { pkgChange, updateDeployment } from './packages.ts';
import type { OsTarget } from './os-call.ts';
import { rollback } from './rollback.ts';
import { downloadDeployRpmDiff } from './rpm-diffs.ts';
import { upgrade } from './upgrade.ts';

/** The daemon method behind each request; resolves with the transaction address ("" for none). */
export async function startRequest(target: OsTarget, request: TransactionRequest): Promise<string> {
  switch (request.kind) {
    case 'check': {
      const { enabled, address } = await automaticUpdateTrigger(target, 'check');
      return enabled ? address : '';
    }
    case 'upgrade':
      return upgrade(target, {});
    case 'rollback':
      return rollback(target);
    case 'deploy':
      return deploy(target, request.revision);
    case 'download-deploy-diff':
      return downloadDeployRpmDiff(target, request.revision);
    case 'cleanup':
      return cleanup(target, request.elements);
    case 'packages':
      return pkgChange(target, request.add, request.remove);
    case 'overrides':
      return updateDeployment(target, {
        'override-remove-packages': new Variant('as', [...request.remove]),
        'override-reset-packages': new Variant('as', [...request.reset]),
      });
    case 'reset':
      return updateDeployment(
        target,
        {},
        {
          'no-layering': new Variant('b', request.layering),
          'no-overrides': new Variant('b', request.overrides),
        },
      );
    case 'kernel-args':
      return kernelArgs(target, request);
    default:
      return assertNever(request);
  }
}
