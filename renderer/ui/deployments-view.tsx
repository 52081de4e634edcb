import type { ReactNode } from 'react';
import { DeploymentTools } from './deployment-tools.tsx';
import { DeploymentsSection } from './deployments-section.tsx';
import { RequestError } from './request-error.tsx';
import { TransactionNotice } from './transaction-notice.tsx';

/** The Deployments tab: what is installed, and the actions on it. */
export function DeploymentsView(props: { readonly stale: boolean }): ReactNode {
  return (
    <div className="view">
      <RequestError />
      <TransactionNotice />
      <DeploymentsSection stale={props.stale} tools={<DeploymentTools />} />
    </div>
  );
}
