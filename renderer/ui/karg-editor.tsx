import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { editProblem, kargRows } from '../store/kargs/kargs-draft.ts';
import { selectKargsDraft } from '../store/kargs/kargs-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { KargField } from './karg-field.tsx';
import { KargRowView } from './karg-row.tsx';

/**
 * The arguments a change applies to (the pending deployment's when there is
 * one, else the running one's), each editable, and a field to add one.
 */
export function KargEditor(props: { readonly hasPending: boolean }): ReactNode {
  const draft = useAppStore(selectKargsDraft);
  const kargEdited = useAppStore((s) => s.kargEdited);
  const [text, setText] = useState('');
  const headingId = useId();
  const { base, edits } = draft;
  if (base === null)
    return (
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId} className="subheading">
          {t('kargsEditHeading')}
        </h2>
        <p className="muted">{t('kargsUnknown')}</p>
      </section>
    );
  const arg = text.trim();
  const problem = editProblem(base, edits, { kind: 'add', arg });
  return (
    <section className="card kargs-editor" aria-labelledby={headingId}>
      <h2 id={headingId} className="subheading">
        {t('kargsEditHeading')}
      </h2>
      <p className="muted section-note">
        {props.hasPending ? t('kargsEditOnPending') : t('kargsEditOnBooted')}
      </p>
      <ul className="karg-rows" aria-label={t('kargsEditHeading')}>
        {kargRows(base, edits).map((row, i) => (
          <KargRowView key={`${i}:${row.arg}`} row={row} base={base} edits={edits} />
        ))}
      </ul>
      <KargField
        label={t('kargAddLabel')}
        visibleLabel
        value={text}
        onChange={setText}
        problem={problem}
        hint={t('kargAddHint')}
        submitText={t('kargAdd')}
        onSubmit={() => {
          if (kargEdited({ kind: 'add', arg }) === null) setText('');
        }}
      />
    </section>
  );
}
