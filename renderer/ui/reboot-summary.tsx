import { useId } from 'react';
import type { ReactNode } from 'react';
import { t, tn } from '../i18n/strings.ts';
import type { RebootDiff } from '../store/reboot-diff/reboot-diff.ts';
import { ApplyButton } from './apply-button.tsx';
import { DiscardPendingButton } from './discard-pending-button.tsx';

/** In one sentence or two: does anything change at the next boot, and is every request in effect. */
export function RebootSummary(props: { readonly diff: RebootDiff }): ReactNode {
  const { diff } = props;
  const headingId = useId();
  const pending = diff.pending;
  const version = pending ? (pending.version ?? pending.checksum.slice(0, 10)) : '';
  return (
    <section className="card reboot-summary" aria-labelledby={headingId}>
      <h2 id={headingId} className="subheading">
        {pending ? t('rebootPendingTitle', { version }) : t('rebootNothingPending')}
      </h2>
      <p>
        {pending
          ? tn('rebootChanges', diff.changeCount)
          : diff.notAppliedCount === 0
            ? t('rebootAllInEffect')
            : tn('rebootNotApplied', diff.notAppliedCount)}
      </p>
      {pending && diff.notAppliedCount > 0 ? (
        <p>{tn('rebootNotApplied', diff.notAppliedCount)}</p>
      ) : null}
      {diff.baseChange ? <p>{t('rebootBaseChange', diff.baseChange)}</p> : null}
      {diff.kernelArgsKnown ? null : <p className="muted">{t('kargsUnknown')}</p>}
      {pending ? (
        <div className="actions__row">
          <ApplyButton version={version} />
          <DiscardPendingButton version={version} />
        </div>
      ) : null}
    </section>
  );
}
