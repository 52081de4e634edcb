import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { selectDeploymentActions } from '../store/deployments/deployment-actions.ts';
import { selectDeploymentRows } from '../store/deployments/deployment-rows.ts';
import { selectSupports } from '../store/capabilities/capability-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { CleanupButton } from './cleanup-button.tsx';
import { CompareButton } from './compare-button.tsx';
import { DeployVersionButton } from './deploy-version-button.tsx';
import { RollbackButton } from './rollback-button.tsx';
import { UndoRollbackNotice } from './undo-rollback-notice.tsx';

/** The Deployments tab's actions: roll back or undo it, compare, deploy a version, clean up. */
export function DeploymentTools(): ReactNode {
  const actions = useAppStore(selectDeploymentActions);
  const rows = useAppStore(selectDeploymentRows);
  const can = {
    rollback: useAppStore(selectSupports('rollback')),
    compare: useAppStore(selectSupports('package-diff')),
    deploy: useAppStore(selectSupports('deploy-version')),
    cleanup: useAppStore(selectSupports('cleanup')),
  };
  const { booted, rollbackTarget, rolledBackTo } = actions;
  const titleOf = (role: string): string => rows.find((r) => r.role === role)?.title ?? '';
  const versions = [
    ...new Set(rows.filter((r) => r.role !== 'booted').flatMap((r) => r.deployment.version ?? [])),
  ];
  const other = rows.find((r) => r.id !== booted?.id);
  return (
    <div className="deployment-tools">
      {rolledBackTo && booted ? <UndoRollbackNotice target={rolledBackTo} booted={booted} /> : null}
      <div className="actions__row" role="toolbar" aria-label={t('deploymentActionsLabel')}>
        {can.rollback && booted && rollbackTarget ? (
          <RollbackButton booted={booted} target={rollbackTarget} />
        ) : null}
        {can.compare && booted && other ? (
          <CompareButton rows={rows} defaultFrom={booted.id} defaultTo={other.id} />
        ) : null}
        {can.deploy ? <DeployVersionButton versions={versions} /> : null}
        {can.cleanup ? (
          <CleanupButton
            actions={actions}
            pendingVersion={titleOf('pending')}
            rollbackVersion={titleOf('rollback')}
          />
        ) : null}
      </div>
    </div>
  );
}
