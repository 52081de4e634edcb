import type { ReactNode } from 'react';
import type { Capability } from '../../daemon-bridge/contract/capabilities.ts';
import { t } from '../i18n/strings.ts';
import type { PlainStringKey } from '../i18n/strings.ts';
import { selectDaemonKind } from '../store/capabilities/capability-selectors.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Icon } from './icon.tsx';

const featureNames: { readonly [C in Capability]: PlainStringKey } = {
  'check-updates': 'feature_check_updates',
  'stage-update': 'feature_stage_update',
  'package-diff': 'feature_package_diff',
  advisories: 'feature_advisories',
  rollback: 'feature_rollback',
  'deploy-version': 'feature_deploy_version',
  cleanup: 'feature_cleanup',
  cancel: 'feature_cancel',
  'layer-packages': 'feature_layer_packages',
  'override-packages': 'feature_override_packages',
  'search-packages': 'feature_search_packages',
  'kernel-args': 'feature_kernel_args',
  pin: 'feature_pin',
  'automatic-update-policy': 'feature_automatic_update_policy',
  reboot: 'feature_reboot',
};

/** The one line that stands where a control the connected daemon cannot serve would be. */
export function UnavailableNote(props: { readonly capability: Capability }): ReactNode {
  const kind = useAppStore(selectDaemonKind);
  return (
    <p className="unavailable-note muted">
      <Icon name="info" />
      <span>
        {t('unavailableWith', {
          feature: t(featureNames[props.capability]),
          daemon: kind ?? t('unknownValue'),
        })}
      </span>
    </p>
  );
}
