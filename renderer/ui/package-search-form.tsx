import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { searchCommandLine } from '../../daemon-bridge/contract/command-lines.ts';
import { searchTerms } from '../../daemon-bridge/contract/packages.ts';
import { t } from '../i18n/strings.ts';
import { useAppStore } from '../store/store-context.tsx';
import { CommandHint } from './command-hint.tsx';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';

/** The search box: the daemon's own repositories, by name and summary. */
export function PackageSearchForm(): ReactNode {
  const tool = useAppStore(selectCliTool);
  const [query, setQuery] = useState('');
  const packageSearchRequested = useAppStore((s) => s.packageSearchRequested);
  const inputId = useId();
  const terms = searchTerms(query);
  return (
    <div className="package-search">
      <form
        role="search"
        aria-label={t('searchPackagesLabel')}
        className="actions__row"
        onSubmit={(e) => {
          e.preventDefault();
          void packageSearchRequested(query);
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          {t('searchPackagesLabel')}
        </label>
        <input
          id={inputId}
          type="search"
          className="entry package-search__entry"
          placeholder={t('searchPackagesPlaceholder')}
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="button">
          {t('searchPackages')}
        </button>
      </form>
      <CommandHint
        command={
          terms.length > 0
            ? searchCommandLine(terms, tool)
            : `${searchCommandLine([], tool).trimEnd()} <terms>`
        }
      />
    </div>
  );
}
