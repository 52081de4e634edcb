import { useId } from 'react';
import type { ReactNode } from 'react';
import { kernelArgsCommandLine } from '../../daemon-bridge/contract/command-lines.ts';
import { splitKernelArgs } from '../../daemon-bridge/contract/kernel-args.ts';
import { kargsChangeProblemText } from '../i18n/problem-text.ts';
import { t } from '../i18n/strings.ts';
import type { KargEdit } from '../store/kargs/kargs-draft.ts';
import { previewChange } from '../store/kargs/kargs-preview.ts';
import { selectKargsDraft } from '../store/kargs/kargs-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ArgLine } from './arg-line.tsx';
import { CommandHint } from './command-hint.tsx';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';

function editText(edit: KargEdit): string {
  switch (edit.kind) {
    case 'add':
      return t('edit_add', { arg: edit.arg });
    case 'remove':
      return t('edit_remove', { arg: edit.arg });
    case 'replace':
      return t('edit_replace', { from: edit.from, to: edit.to });
  }
}

/**
 * The draft: each edit (undoable), the exact resulting command line with
 * what changes marked, the `rpm-ostree kargs` command, and Apply — one
 * KernelArgs change for the whole draft.
 */
export function KargsDraftPanel(): ReactNode {
  const tool = useAppStore(selectCliTool);
  const draft = useAppStore(selectKargsDraft);
  const applying = useAppStore((s) => s.kargsApplying);
  const undone = useAppStore((s) => s.kargEditUndone);
  const discarded = useAppStore((s) => s.kargsDraftDiscarded);
  const applyRequested = useAppStore((s) => s.kargsApplyRequested);
  const headingId = useId();
  const { base, edits, change, plan } = draft;
  const canApply = plan?.ok === true && !applying;
  return (
    <section className="card kargs-draft" aria-labelledby={headingId}>
      <h2 id={headingId} className="subheading">
        {t('kargsDraftHeading')}
      </h2>
      {edits.length === 0 ? (
        <p className="muted">{t('kargsDraftEmpty')}</p>
      ) : (
        <>
          <ul className="karg-edits" aria-label={t('kargsDraftHeading')}>
            {edits.map((edit, i) => (
              <li key={i} className="karg-edit">
                <span>{editText(edit)}</span>
                <button
                  type="button"
                  className="button button--small button--flat"
                  aria-label={t('undoEditLabel', { edit: editText(edit) })}
                  onClick={() => undone(edit)}
                >
                  {t('rowUndo')}
                </button>
              </li>
            ))}
          </ul>
          {plan?.ok && base !== null ? (
            <>
              <h3 className="subheading subheading--minor">{t('kargsPreviewHeading')}</h3>
              <ArgLine
                label={t('kargsPreviewHeading')}
                tokens={previewChange(splitKernelArgs(base), change, plan.args)}
              />
            </>
          ) : plan && !plan.ok ? (
            <p className="field-hint--error" role="alert">
              {kargsChangeProblemText(plan.problem)}
            </p>
          ) : null}
          <CommandHint command={kernelArgsCommandLine(change, tool)} />
          <p className="muted section-note">{t('appliesAtNextBoot')}</p>
          <div className="actions__row">
            <button
              type="button"
              className="button button--suggested"
              aria-disabled={!canApply}
              onClick={() => {
                if (canApply) void applyRequested();
              }}
            >
              {applying ? t('kargsApplying') : t('kargsApply')}
            </button>
            <button type="button" className="button" onClick={discarded}>
              {t('kargsDiscard')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
