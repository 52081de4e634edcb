import { useState } from 'react';
import type { ReactNode } from 'react';
import type { KernelArgsChangeProblem } from '../../daemon-bridge/contract/kernel-args.ts';
import { kargsChangeProblemText } from '../i18n/problem-text.ts';
import { t } from '../i18n/strings.ts';
import type { KargEdit, KargRow } from '../store/kargs/kargs-draft.ts';
import { editProblem } from '../store/kargs/kargs-draft.ts';
import { useAppStore } from '../store/store-context.tsx';
import { KargField } from './karg-field.tsx';

/** One argument of the line a change applies to: edit it, remove it, or see what the draft does to it. */
export function KargRowView(props: {
  readonly row: KargRow;
  readonly base: string;
  readonly edits: readonly KargEdit[];
}): ReactNode {
  const { row } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [refused, setRefused] = useState<KernelArgsChangeProblem | null>(null);
  const kargEdited = useAppStore((s) => s.kargEdited);
  const submit = (edit: KargEdit): void => {
    const problem = kargEdited(edit);
    setRefused(problem === 'unknown-base' ? null : problem);
    if (problem === null) setEditing(null);
  };
  if (row.managed)
    return (
      <li className="karg-row karg-row--managed">
        <code className="karg-row__arg">{row.arg}</code>
        <span className="badge">{t('kargManaged')}</span>
      </li>
    );
  if (row.edit)
    return (
      <li className="karg-row karg-row--edited">
        <code className="karg-row__arg">
          <del>{row.arg}</del>
        </code>
        <span className="karg-row__status">
          {row.edit.kind === 'remove' ? t('kargWillGo') : t('kargWillBecome', { arg: row.edit.to })}
        </span>
      </li>
    );
  if (editing !== null) {
    const edit: KargEdit = { kind: 'replace', from: row.arg, to: editing.trim() };
    return (
      <li className="karg-row karg-row--editing">
        <KargField
          label={t('kargEditInput', { arg: row.arg })}
          value={editing}
          onChange={setEditing}
          problem={editProblem(props.base, props.edits, edit)}
          hint={t('kargEditHint')}
          submitText={t('kargSave')}
          submitLabel={t('kargSaveLabel', { arg: row.arg })}
          onSubmit={() => submit(edit)}
          extra={
            <button type="button" className="button button--flat" onClick={() => setEditing(null)}>
              {t('kargCancelEdit')}
            </button>
          }
        />
      </li>
    );
  }
  return (
    <li className="karg-row">
      <code className="karg-row__arg">{row.arg}</code>
      <span className="karg-row__buttons">
        <button
          type="button"
          className="button button--small"
          aria-label={t('kargEditLabel', { arg: row.arg })}
          onClick={() => {
            setRefused(null);
            setEditing(row.arg);
          }}
        >
          {t('kargEdit')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={t('kargRemoveLabel', { arg: row.arg })}
          onClick={() => submit({ kind: 'remove', arg: row.arg })}
        >
          {t('kargRemove')}
        </button>
      </span>
      {refused ? (
        <p className="field-hint field-hint--error karg-row__problem" role="alert">
          {kargsChangeProblemText(refused)}
        </p>
      ) : null}
    </li>
  );
}
