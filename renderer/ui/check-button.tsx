import type { ReactNode } from 'react';
import { commandLinesFor } from '../../daemon-bridge/contract/command-lines.ts';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';
import { t } from '../i18n/strings.ts';
import { selectSupports } from '../store/capabilities/capability-selectors.ts';
import { selectRequest } from '../store/request/request-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { CommandHint } from './command-hint.tsx';
import { Icon } from './icon.tsx';
import { LastCheck } from './last-check.tsx';
import { Spinner } from './spinner.tsx';
import { UnavailableNote } from './unavailable-note.tsx';

/** "Check for updates", when it last ran, and the command that does the same. */
export function CheckButton(): ReactNode {
  const commandLines = commandLinesFor(useAppStore(selectCliTool));
  const request = useAppStore(selectRequest);
  const checkRequested = useAppStore((s) => s.checkRequested);
  const checking = request.kind === 'running' && request.command === 'checkForUpdates';
  const canCheck = useAppStore(selectSupports('check-updates'));
  const canStage = useAppStore(selectSupports('stage-update'));
  const stageRequested = useAppStore((s) => s.stageRequested);
  if (!canCheck)
    // A daemon that can only upgrade (apt-layer): upgrading is the check.
    return (
      <div className="check">
        {canStage ? (
          <div className="check__row">
            <button
              type="button"
              className="button button--suggested"
              aria-disabled={request.kind === 'running'}
              onClick={() => {
                if (request.kind !== 'running') void stageRequested();
              }}
            >
              <Icon name="refresh" />
              <span>{t('upgradeNow')}</span>
            </button>
          </div>
        ) : null}
        <UnavailableNote capability="check-updates" />
      </div>
    );
  return (
    <div className="check">
      <div className="check__row">
        <button
          type="button"
          className="button"
          aria-disabled={request.kind === 'running'}
          onClick={() => void checkRequested()}
        >
          {checking ? <Spinner /> : <Icon name="refresh" />}
          <span>{checking ? t('checking') : t('checkForUpdates')}</span>
        </button>
        <LastCheck />
      </div>
      <CommandHint command={commandLines.check} />
    </div>
  );
}
