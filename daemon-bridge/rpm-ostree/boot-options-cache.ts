import type { BootOptions, Deployment } from '../contract/domain.ts';
import { deploymentRoles } from './parse-sysroot.ts';

/**
 * The kernel arguments of the booted and the pending deployment, read once
 * per deployment with GetDeploymentBootConfig (a deployment's boot entry does
 * not change; a kargs edit makes a new deployment). The daemon addresses
 * deployments by index, so a read is kept only when the list it was made
 * against is still the current one. A failed read is reported once and not
 * retried until `clear()` (the next Reload).
 */
export class BootOptionsCache {
  private readonly known = new Map<string, string>();
  private readonly failedIds = new Set<string>();
  private current: readonly Deployment[] | null = null;
  private loading: readonly Deployment[] | null = null;

  constructor(
    /** GetDeploymentBootConfig(index, false).options. */
    private readonly read: (index: number) => Promise<string>,
    /** Called when new options are known for the current list. */
    private readonly changed: () => void,
    /** A read failed: the options stay unknown. */
    private readonly failed: (err: unknown) => void,
  ) {}

  /** What is known for the deployments that matter; starts reading what is missing. */
  forDeployments(deployments: readonly Deployment[]): readonly BootOptions[] {
    this.current = deployments;
    const wanted = wantedIds(deployments);
    const missing = wanted.filter((id) => !this.known.has(id) && !this.failedIds.has(id));
    if (missing.length > 0 && this.loading !== deployments) void this.load(deployments, missing);
    return wanted.flatMap((id) => {
      const options = this.known.get(id);
      return options === undefined ? [] : [{ deploymentId: id, options }];
    });
  }

  /** Forgets everything (Reload: an entry may have been edited behind the daemon's back). */
  clear(): void {
    this.known.clear();
    this.failedIds.clear();
  }

  private async load(deployments: readonly Deployment[], ids: readonly string[]): Promise<void> {
    this.loading = deployments;
    const found = new Map<string, string>();
    try {
      for (const id of ids)
        found.set(id, await this.read(deployments.findIndex((d) => d.id === id)));
    } catch (err) {
      if (this.current === deployments) {
        for (const id of ids) if (!found.has(id)) this.failedIds.add(id);
        this.failed(err);
      }
    } finally {
      if (this.loading === deployments) this.loading = null;
    }
    if (this.current !== deployments || found.size === 0) return;
    for (const [id, options] of found) this.known.set(id, options);
    this.changed();
  }
}

function wantedIds(deployments: readonly Deployment[]): string[] {
  const { bootedId, pendingId } = deploymentRoles(deployments);
  return [bootedId, pendingId].filter((id): id is string => id !== null);
}
