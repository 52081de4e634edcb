import type { Variant } from 'dbus-next';
import type { DaemonContext } from '../daemon-context.ts';
import type { MethodHandler } from '../service/service-interface.ts';

/** Sysroot.RegisterClient / UnregisterClient (reference §4.2). */
export function clientMethods(ctx: DaemonContext): Record<string, MethodHandler> {
  return {
    RegisterClient: async (call, [options]) => {
      // g_variant_dict_lookup("id", "&s"): a wrongly typed id counts as none.
      const id = (options as Record<string, Variant | undefined>).id;
      await ctx.clients.add(call.sender, id?.signature === 's' ? (id.value as string) : null);
    },
    UnregisterClient: (call) => {
      ctx.clients.remove(call.sender);
    },
  };
}
