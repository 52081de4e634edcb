import { ioError, IoErrorCode } from '../service/errors.ts';
import type { MethodHandler } from '../service/service-interface.ts';
import type { DaemonContext } from '../daemon-context.ts';
import { upgradeJob } from '../jobs/upgrade-job.ts';
import type { UpgradeFlags } from '../jobs/upgrade-job.ts';
import { beginTransaction, boolOption, stringOption } from '../transaction/begin-transaction.ts';
import { rebootSandbox } from '../../sysroot/sandbox-reboot.ts';

const POLICIES = ['none', 'off', 'check', 'stage', 'ex-stage', 'apply', 'auto'];

/** The execution-time title of a deploy transaction (reference §7.5). */
export function deployTitle(word: string, flags: UpgradeFlags, options: unknown): string {
  const cmd = stringOption(options, 'initiating-command-line');
  if (cmd !== undefined) {
    if (cmd.includes('--trigger-automatic-update-policy'))
      return flags.checkOnly ? 'automatic (check)' : 'automatic (stage)';
    return cmd;
  }
  if (flags.cacheOnly) return `${word} (cache only)`;
  if (flags.checkOnly) return `${word} (check only)`;
  if (flags.downloadOnly) return `${word} (download only)`;
  return word;
}

/** The deploy flags from an options vardict; `defaults` are the method's default flags. */
export function deployFlags(options: unknown, defaults: Partial<UpgradeFlags> = {}): UpgradeFlags {
  const b = (key: string, fallback = false) => boolOption(options, key) ?? fallback;
  return {
    allowDowngrade: b('allow-downgrade', defaults.allowDowngrade),
    downloadOnly: b('download-only', defaults.downloadOnly),
    cacheOnly: b('cache-only'),
    checkOnly: defaults.checkOnly ?? false,
    lockFinalization: b('lock-finalization'),
    reboot: b('reboot', defaults.reboot),
    ...(defaults.revision ? { revision: defaults.revision } : {}),
  };
}

/** Starts a deploy-family transaction ("new-deployment" until it runs). */
export function startDeploy(
  ctx: DaemonContext,
  call: Parameters<MethodHandler>[0],
  osname: string,
  method: string,
  args: readonly unknown[],
  options: unknown,
  word: string,
  flags: UpgradeFlags,
  outputToSelf = false,
): Promise<string> {
  return beginTransaction(ctx, call, {
    osname,
    method,
    args,
    title: 'new-deployment',
    outputToSelf: boolOption(options, 'output-to-self') ?? outputToSelf,
    job: async (out) => {
      out.setTitle(deployTitle(word, flags, options));
      await upgradeJob(ctx, osname, flags, out, async () => {
        await rebootSandbox(ctx.layout);
      });
    },
  });
}

/** OS.Upgrade and OS.AutomaticUpdateTrigger (reference §5.3, §5.3.3). */
export function upgradeMethods(ctx: DaemonContext, osname: string): Record<string, MethodHandler> {
  return {
    Upgrade: (call, [options]) =>
      startDeploy(
        ctx,
        call,
        osname,
        'Upgrade',
        [options],
        options,
        'upgrade',
        deployFlags(options),
      ),
    AutomaticUpdateTrigger: async (call, [options]) => {
      if (ctx.state.sysroot.booted?.osname !== osname)
        throw ioError(IoErrorCode.FAILED, `Cannot trigger auto-update for offline OS '${osname}'`);
      const mode = stringOption(options, 'mode') ?? 'auto';
      if (!POLICIES.includes(mode))
        throw ioError(IoErrorCode.FAILED, `Invalid value for AutomaticUpdatePolicy: '${mode}'`);
      const policy = mode === 'auto' ? ctx.automaticUpdatePolicy() : mode;
      if (policy === 'none' || policy === 'off') return [false, ''];
      const checkOnly = policy === 'check';
      const flags = deployFlags(options, { checkOnly, reboot: policy === 'apply' });
      const word = 'upgrade';
      const address = await startDeploy(
        ctx,
        call,
        osname,
        'AutomaticUpdateTrigger',
        [options],
        options,
        word,
        flags,
        true,
      );
      return [true, address];
    },
  };
}
