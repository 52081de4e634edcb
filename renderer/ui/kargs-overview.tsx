import { useId } from 'react';
import type { ReactNode } from 'react';
import { splitKernelArgs } from '../../daemon-bridge/contract/kernel-args.ts';
import { t } from '../i18n/strings.ts';
import { selectKernelArgsSource } from '../store/kargs/boot-options.ts';
import { compareArgs } from '../store/kargs/kargs-preview.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ArgLine } from './arg-line.tsx';

/** The kernel command line running now and the one the next boot uses, side by side. */
export function KargsOverview(): ReactNode {
  const source = useAppStore(selectKernelArgsSource);
  const headingId = useId();
  const revertRequested = useAppStore((s) => s.kargsRevertRequested);
  const booted = source.booted === null ? null : splitKernelArgs(source.booted);
  const pending = source.pending === null ? null : splitKernelArgs(source.pending);
  const pendingChanges =
    booted && pending ? compareArgs(booted, pending).some((a) => a.mark !== 'kept') : false;
  return (
    <section className="card kargs-overview" aria-labelledby={headingId}>
      <h2 id={headingId} className="subheading">
        {t('kargsHeading')}
      </h2>
      <div className="kargs-columns">
        <div className="kargs-column">
          <h3 className="subheading subheading--minor">{t('kargsRunning')}</h3>
          {booted ? (
            <ArgLine label={t('kargsRunning')} tokens={compareArgs(booted, booted)} />
          ) : (
            <p className="muted">{t('kargsUnknown')}</p>
          )}
        </div>
        <div className="kargs-column">
          <h3 className="subheading subheading--minor">{t('kargsNextBoot')}</h3>
          {!source.hasPending ? (
            <p className="muted">{t('kargsNoPending')}</p>
          ) : pending ? (
            <ArgLine label={t('kargsNextBoot')} tokens={compareArgs(booted ?? [], pending)} />
          ) : (
            <p className="muted">{t('kargsUnknown')}</p>
          )}
        </div>
      </div>
      {pendingChanges ? (
        <div className="actions__row">
          <button type="button" className="button" onClick={revertRequested}>
            {t('kargsRevert')}
          </button>
          <span className="muted section-note">{t('kargsRevertNote')}</span>
        </div>
      ) : null}
      <p className="muted section-note">{t('kargsManagedNote')}</p>
    </section>
  );
}
