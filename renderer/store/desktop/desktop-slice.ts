import type { DesktopSettings, UserUpdatePolicy } from '../../../daemon-bridge/contract/desktop.ts';
import type { StoreDeps } from '../app-store.ts';
import type { RequestRunner } from '../request/request-runner.ts';

/** Pinning, the daemon's automatic-update policy and the app's own settings. */
export interface DesktopSlice {
  readonly pinRequested: (deploymentId: string, pinned: boolean) => Promise<void>;
  readonly updatePolicyRequested: (policy: UserUpdatePolicy) => Promise<void>;
  readonly desktopSettingChanged: (change: Partial<DesktopSettings>) => Promise<void>;
}

export function createDesktopSlice(deps: StoreDeps, runner: RequestRunner): DesktopSlice {
  const { api } = deps;
  return {
    async pinRequested(deploymentId, pinned) {
      await runner.run('setPinned', () => api.setPinned({ deploymentId, pinned }));
    },
    async updatePolicyRequested(policy) {
      await runner.run('setAutomaticUpdatePolicy', () => api.setAutomaticUpdatePolicy(policy));
    },
    async desktopSettingChanged(change) {
      // The new settings arrive with the next state; only a refusal needs reporting.
      await runner.runQuietly('changeDesktopSettings', async () => {
        const result = await api.changeDesktopSettings(change);
        return result.ok ? { ok: true, value: null } : result;
      });
    },
  };
}
