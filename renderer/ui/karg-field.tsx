import { useId } from 'react';
import type { ReactNode } from 'react';
import type { KernelArgsChangeProblem } from '../../daemon-bridge/contract/kernel-args.ts';
import { kargsChangeProblemText } from '../i18n/problem-text.ts';

/**
 * One kernel argument typed by hand, with the reason it would be refused
 * shown as it is typed; Enter or the button submits, and a refused one is
 * never sent.
 */
export function KargField(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly problem: KernelArgsChangeProblem | null;
  /** Said below the field while there is nothing to refuse. */
  readonly hint: string;
  readonly submitText: string;
  readonly submitLabel?: string;
  readonly onSubmit: () => void;
  readonly extra?: ReactNode;
  readonly visibleLabel?: boolean;
}): ReactNode {
  const inputId = useId();
  const hintId = useId();
  // "Nothing to change" is no error while the text still reads as it was: the button says enough.
  const showProblem =
    props.problem !== null && props.problem.kind !== 'no-change' && props.value !== '';
  return (
    <div className="name-field">
      <label htmlFor={inputId} className={props.visibleLabel ? undefined : 'visually-hidden'}>
        {props.label}
      </label>
      <div className="actions__row">
        {/*
          A one-row textarea rather than an input: an input silently drops the
          line breaks of pasted text, which would merge two arguments into one;
          here they stay visible and are refused with the reason.
        */}
        <textarea
          id={inputId}
          className="entry karg-entry"
          rows={Math.max(1, props.value.split('\n').length)}
          value={props.value}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={showProblem}
          onChange={(e) => props.onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            props.onSubmit();
          }}
        />
        <button
          type="button"
          className="button"
          aria-label={props.submitLabel}
          aria-disabled={props.problem !== null}
          onClick={props.onSubmit}
        >
          {props.submitText}
        </button>
        {props.extra}
      </div>
      <p
        id={hintId}
        className={showProblem ? 'field-hint field-hint--error' : 'field-hint muted'}
        aria-live="polite"
      >
        {showProblem && props.problem ? kargsChangeProblemText(props.problem) : props.hint}
      </p>
    </div>
  );
}
