import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { KernelArgsChangeProblem } from '../../daemon-bridge/contract/kernel-args.ts';
import { kargsChangeProblemText } from '../i18n/problem-text.ts';
import { t } from '../i18n/strings.ts';
import { kargSuggestions, suggestionUse } from '../store/kargs/karg-suggestions.ts';
import type { KargSuggestion } from '../store/kargs/karg-suggestions.ts';
import type { KargEdit } from '../store/kargs/kargs-draft.ts';
import { useAppStore } from '../store/store-context.tsx';

function Suggestion(props: {
  readonly suggestion: KargSuggestion;
  readonly base: string;
  readonly edits: readonly KargEdit[];
}): ReactNode {
  const { suggestion } = props;
  const kargEdited = useAppStore((s) => s.kargEdited);
  const [refused, setRefused] = useState<KernelArgsChangeProblem | null>(null);
  const use = suggestionUse(props.base, props.edits, suggestion);
  const pick = (edit: KargEdit): void => {
    const problem = kargEdited(edit);
    setRefused(problem === 'unknown-base' ? null : problem);
  };
  return (
    <li className="suggestion">
      <div className="suggestion__text">
        <code>{suggestion.arg}</code>
        <span className="muted">{t(suggestion.about)}</span>
        {refused ? (
          <span className="field-hint--error" role="alert">
            {kargsChangeProblemText(refused)}
          </span>
        ) : null}
      </div>
      {use.kind === 'present' ? (
        <span className="badge">{t('suggestionPresent')}</span>
      ) : use.kind === 'drafted' ? (
        <span className="badge">{t('suggestionDrafted')}</span>
      ) : use.kind === 'key-drafted' ? (
        <span className="badge">{t('suggestionKeyDrafted', { key: use.key })}</span>
      ) : (
        <button
          type="button"
          className="button button--small"
          aria-label={
            use.kind === 'replace'
              ? t('suggestionReplaceLabel', { arg: suggestion.arg, current: use.current })
              : t('suggestionAddLabel', { arg: suggestion.arg })
          }
          onClick={() => pick(use.edit)}
        >
          {use.kind === 'replace' ? t('suggestionReplace') : t('suggestionAdd')}
        </button>
      )}
    </li>
  );
}

/** Well-known arguments, explained; one joins the draft only when the user picks it. */
export function KargSuggestionsList(props: {
  readonly base: string;
  readonly edits: readonly KargEdit[];
}): ReactNode {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="subheading">
        {t('suggestionsHeading')}
      </h2>
      <p className="muted section-note">{t('suggestionsNote')}</p>
      <ul className="suggestions" aria-label={t('suggestionsHeading')}>
        {kargSuggestions.map((s) => (
          <Suggestion key={s.arg} suggestion={s} base={props.base} edits={props.edits} />
        ))}
      </ul>
    </section>
  );
}
