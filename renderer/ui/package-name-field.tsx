import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { packageSpecProblem } from '../../daemon-bridge/contract/packages.ts';
import { packageProblemText } from '../i18n/problem-text.ts';

/**
 * A package name typed by hand, checked as it is typed with the same rule
 * the main process applies; a bad name is explained and never sent.
 */
export function PackageNameField(props: {
  readonly label: string;
  readonly button: string;
  readonly hint: string;
  readonly onSubmit: (name: string) => void;
}): ReactNode {
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const name = text.trim();
  const problem = packageSpecProblem(name);
  const showProblem = problem !== null && (tried || name.length > 0);
  const submit = (): void => {
    setTried(true);
    if (problem) return;
    props.onSubmit(name);
    setText('');
    setTried(false);
  };
  return (
    <div className="name-field">
      <label htmlFor={inputId}>{props.label}</label>
      <div className="actions__row">
        <input
          id={inputId}
          className="entry name-field__entry"
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={showProblem}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit();
          }}
        />
        <button type="button" className="button" aria-disabled={problem !== null} onClick={submit}>
          {props.button}
        </button>
      </div>
      <p
        id={hintId}
        className={showProblem ? 'field-hint field-hint--error' : 'field-hint muted'}
        aria-live="polite"
      >
        {showProblem && problem ? packageProblemText(problem) : props.hint}
      </p>
    </div>
  );
}
