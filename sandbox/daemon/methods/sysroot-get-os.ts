import type { DaemonContext } from '../daemon-context.ts';
import { ioError, IoErrorCode } from '../service/errors.ts';
import type { MethodHandler } from '../service/service-interface.ts';

/** Sysroot.GetOS: "" is the booted OS (possibly "/"); unknown names are G_IO_ERROR_NOT_FOUND. */
export function getOsMethod(ctx: DaemonContext): Record<string, MethodHandler> {
  return {
    GetOS: (_call, [name]) => {
      if (name === '') return ctx.bootedPath();
      const path = ctx.osPath(String(name));
      if (!path) throw ioError(IoErrorCode.NOT_FOUND, `OS name "${String(name)}" not found`);
      return path;
    },
  };
}
