import type { SystemState } from '../contract/domain.ts';
import type { LinkEvent } from '../rpm-ostree/daemon-link.ts';
import { APT_LAYER_OBJECT_PATH } from './protocol.ts';

/** A ready SystemState from a daemon whose API is not rpm-ostree's (apt-layer). */
export interface SystemLinkEvent {
  readonly kind: 'system';
  readonly system: SystemState;
}

/** What AptLayerLink reports: DaemonLink's presence events, with the state already built. */
export type AptLayerLinkEvent = SystemLinkEvent | Exclude<LinkEvent, { kind: 'properties' }>;

/**
 * For a manager that takes only DaemonLink's events: the same state as a
 * `properties` event. toSystemState rebuilds exactly this SystemState from
 * it (roles from the same deployments; no cached update, no boot options),
 * except `readAt`, which the manager stamps from its own clock.
 */
export function asPropertiesEvent(event: AptLayerLinkEvent): LinkEvent {
  if (event.kind !== 'system') return event;
  const { system } = event;
  return {
    kind: 'properties',
    properties: {
      path: system.sysrootPath,
      bootedOsPath: system.bootedOsname === null ? '/' : APT_LAYER_OBJECT_PATH,
      deployments: system.deployments,
      automaticUpdatePolicy: system.automaticUpdatePolicy,
      activeTransaction: system.activeTransaction,
    },
    // apt-layer's Status has no cached update (parse-status.ts), so no rows either.
    cachedUpdate: null,
    bootOptions: system.bootOptions,
  };
}
