import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { userUpdatePolicies } from '../../daemon-bridge/contract/desktop.ts';
import type { UserUpdatePolicy } from '../../daemon-bridge/contract/desktop.ts';
import { t } from '../i18n/strings.ts';
import type { PlainStringKey } from '../i18n/strings.ts';
import { selectDaemonPolicy } from '../store/desktop/desktop-selectors.ts';
import { selectSupports } from '../store/capabilities/capability-selectors.ts';
import { selectRequest } from '../store/request/request-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Spinner } from './spinner.tsx';
import { UnavailableNote } from './unavailable-note.tsx';

const labels: { readonly [P in UserUpdatePolicy]: readonly [PlainStringKey, PlainStringKey] } = {
  none: ['policy_none', 'policy_none_help'],
  check: ['policy_check', 'policy_check_help'],
  stage: ['policy_stage', 'policy_stage_help'],
};

function isUserPolicy(value: string | null): value is UserUpdatePolicy {
  return (userUpdatePolicies as readonly (string | null)[]).includes(value);
}

/**
 * The daemon's AutomaticUpdatePolicy (rpm-ostreed.conf), shown as it is and
 * changed through the privileged helper: pick one, then Apply (one password
 * prompt, not one per click).
 */
export function UpdatePolicyForm(): ReactNode {
  const current = useAppStore(selectDaemonPolicy);
  const request = useAppStore(selectRequest);
  const updatePolicyRequested = useAppStore((s) => s.updatePolicyRequested);
  const [choice, setChoice] = useState<UserUpdatePolicy | null>(null);
  const headingId = useId();
  const name = useId();
  const supported = useAppStore(selectSupports('automatic-update-policy'));
  if (!supported)
    return (
      <section className="card settings-section" aria-labelledby={headingId}>
        <h3 id={headingId} className="subheading">
          {t('policyHeading')}
        </h3>
        <UnavailableNote capability="automatic-update-policy" />
      </section>
    );
  if (current === null)
    return (
      <section className="card settings-section" aria-labelledby={headingId}>
        <h3 id={headingId} className="subheading">
          {t('policyHeading')}
        </h3>
        <p className="muted">{t('policyNoSystem')}</p>
      </section>
    );
  const selected = choice ?? (isUserPolicy(current) ? current : null);
  const saving = request.kind === 'running' && request.command === 'setAutomaticUpdatePolicy';
  const currentText =
    current === 'apply'
      ? t('policy_apply')
      : isUserPolicy(current)
        ? t(labels[current][0])
        : t('policy_unknown', { policy: current });
  const changed = selected !== null && selected !== current;
  return (
    <section className="card settings-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="subheading">
        {t('policyHeading')}
      </h3>
      <p className="muted section-note">{t('policyIntro')}</p>
      <p className="settings-current">{t('policyCurrent', { policy: currentText })}</p>
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!changed || saving) return;
          void updatePolicyRequested(selected).then(() => setChoice(null));
        }}
      >
        <fieldset className="choice-list">
          <legend className="visually-hidden">{t('policyHeading')}</legend>
          {userUpdatePolicies.map((policy) => {
            const helpId = `${name}-${policy}-help`;
            return (
              <label key={policy} className="choice">
                <input
                  type="radio"
                  name={name}
                  value={policy}
                  checked={selected === policy}
                  aria-describedby={helpId}
                  onChange={() => setChoice(policy)}
                />
                <span className="choice__text">
                  <span className="choice__label">{t(labels[policy][0])}</span>
                  <span id={helpId} className="muted choice__help">
                    {t(labels[policy][1])}
                  </span>
                </span>
              </label>
            );
          })}
        </fieldset>
        <div className="actions__row">
          <button
            type="submit"
            className="button button--suggested"
            aria-disabled={!changed || request.kind === 'running'}
          >
            {saving ? <Spinner /> : null}
            <span>{saving ? t('policySaving') : t('policySave')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
