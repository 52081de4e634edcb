import type { DaemonProfile } from '../profile.ts';
import { interfaces } from '../profile.ts';

/** Destination, path and interface of the Sysroot object for a profile. */
export const sysrootTarget = (p: DaemonProfile) => ({
  destination: p.busName,
  path: p.sysrootPath,
  interface: interfaces(p).sysroot,
});
