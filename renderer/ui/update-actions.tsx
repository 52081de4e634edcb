import type { ReactNode } from 'react';
import { commandLinesFor } from '../../daemon-bridge/contract/command-lines.ts';
import { selectCliTool } from '../store/capabilities/capability-selectors.ts';
import { t } from '../i18n/strings.ts';
import type { UpdateStatus } from '../store/updates/update-status.ts';
import { selectRequest } from '../store/request/request-slice.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ApplyButton } from './apply-button.tsx';
import { CommandHint } from './command-hint.tsx';

/**
 * What can be done in the current state, each with its command line. In the
 * update sheet the same actions appear without "Review update".
 */
export function UpdateActions(props: {
  readonly status: UpdateStatus;
  /** Opens the update sheet; absent inside the sheet itself and when no update is known. */
  readonly onReview?: () => void;
}): ReactNode {
  const commandLines = commandLinesFor(useAppStore(selectCliTool));
  const { status, onReview } = props;
  const request = useAppStore(selectRequest);
  const stageRequested = useAppStore((s) => s.stageRequested);
  const cancelRequested = useAppStore((s) => s.cancelRequested);
  const busy = request.kind === 'running';
  switch (status.kind) {
    case 'available':
      return (
        <div className="actions">
          <div className="actions__row">
            {onReview ? (
              <button type="button" className="button" onClick={onReview}>
                {t('reviewUpdate')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--suggested"
              aria-disabled={busy}
              onClick={() => {
                if (!busy) void stageRequested();
              }}
            >
              {t('downloadAndStage')}
            </button>
          </div>
          <CommandHint command={commandLines.stage} />
        </div>
      );
    case 'staged':
      return (
        <div className="actions">
          <div className="actions__row">
            <ApplyButton version={status.version ?? t('unknownVersion')} />
          </div>
          <CommandHint command={commandLines.reboot} />
        </div>
      );
    case 'working':
      return (
        <div className="actions">
          <div className="actions__row">
            <button type="button" className="button" onClick={() => void cancelRequested()}>
              {t('cancelOperation')}
            </button>
            {onReview ? (
              <button type="button" className="button" onClick={onReview}>
                {t('reviewUpdate')}
              </button>
            ) : null}
          </div>
          <CommandHint command={commandLines.cancel} />
        </div>
      );
    case 'failed':
    case 'unknown':
    case 'up-to-date':
    case 'busy':
      return null;
  }
}
