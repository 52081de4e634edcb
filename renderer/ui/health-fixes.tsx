import type { ReactNode } from 'react';
import { assertNever } from '../../daemon-bridge/contract/domain.ts';
import { t } from '../i18n/strings.ts';
import { selectDeploymentActions } from '../store/deployments/deployment-actions.ts';
import { selectDeploymentRows } from '../store/deployments/deployment-rows.ts';
import type { HealthFix } from '../store/health/health-view.ts';
import { selectRequest } from '../store/request/request-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { CleanupButton } from './cleanup-button.tsx';

/**
 * The buttons that fix one health check; each is the app's own action for
 * it, named apart from the same action elsewhere on the tab ("Check now",
 * not a second "Check for updates").
 */
export function HealthFixes(props: { readonly fixes: readonly HealthFix[] }): ReactNode {
  const actions = useAppStore(selectDeploymentActions);
  const rows = useAppStore(selectDeploymentRows);
  const request = useAppStore(selectRequest);
  const checkRequested = useAppStore((s) => s.checkRequested);
  const stageRequested = useAppStore((s) => s.stageRequested);
  const cancelRequested = useAppStore((s) => s.cancelRequested);
  if (props.fixes.length === 0) return null;
  const busy = request.kind === 'running';
  const titleOf = (role: string): string => rows.find((r) => r.role === role)?.title ?? '';
  // Shown disabled, and does nothing, while a request of ours runs.
  const guardedButton = (key: HealthFix, label: string, run: () => Promise<void>): ReactNode => (
    <button
      key={key}
      type="button"
      className="button"
      aria-disabled={busy}
      onClick={() => {
        if (!busy) void run();
      }}
    >
      {label}
    </button>
  );
  const fix = (f: HealthFix): ReactNode => {
    switch (f) {
      case 'cleanup':
        return (
          <CleanupButton
            key={f}
            actions={actions}
            pendingVersion={titleOf('pending')}
            rollbackVersion={titleOf('rollback')}
          />
        );
      case 'check-updates':
        return guardedButton(f, t('healthFixCheck'), checkRequested);
      case 'upgrade':
        return guardedButton(f, t('healthFixUpgrade'), stageRequested);
      case 'cancel':
        // Never blocked: it must reach the daemon while a request of ours waits.
        return (
          <button key={f} type="button" className="button" onClick={() => void cancelRequested()}>
            {t('cancelOperation')}
          </button>
        );
      default:
        return assertNever(f);
    }
  };
  return <div className="health-row__fixes">{props.fixes.map(fix)}</div>;
}
