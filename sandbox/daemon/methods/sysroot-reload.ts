import type { DaemonContext } from '../daemon-context.ts';
import type { MethodHandler } from '../service/service-interface.ts';

/**
 * Sysroot.Reload and ReloadConfig. Both reply only after the property
 * changes they cause have been emitted, so clients can use them as a barrier
 * (reference §4.2, §9).
 */
export function reloadMethods(ctx: DaemonContext): Record<string, MethodHandler> {
  return {
    Reload: async () => {
      await ctx.reload().catch((err: unknown) => {
        throw new Error(`Handling reload: ${(err as Error).message}`);
      });
    },
    ReloadConfig: async () => {
      await ctx.reloadConfig().catch((err: unknown) => {
        throw new Error(`Handling config reload: ${(err as Error).message}`);
      });
    },
  };
}
