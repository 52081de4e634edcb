import type { ReactNode } from 'react';
import { formatTimestamp } from '../i18n/format.ts';
import { strings, t } from '../i18n/strings.ts';
import { selectQueued } from '../store/updates/update-status.ts';
import { useAppStore } from '../store/store-context.tsx';
import { CommandHint } from './command-hint.tsx';
import { Notice } from './notice.tsx';

/** A friendly name for a queued command; the command line when the name is not one of ours. */
function commandLabel(command: string, commandLine: string): string {
  const key = `command_${command}`;
  return Object.hasOwn(strings, key) ? strings[key as keyof typeof strings] : commandLine;
}

/** Our request waits for another client's transaction: said plainly, never a silent spinner. */
export function QueuedNotice(): ReactNode {
  const queued = useAppStore(selectQueued);
  if (!queued) return null;
  return (
    <Notice tone="info" icon="clock" role="status" title={t('queuedTitle')}>
      <p>
        {t('queuedBody', {
          command: commandLabel(queued.command, queued.commandLine),
          since: formatTimestamp(Math.floor(queued.since / 1000)),
        })}
      </p>
      <CommandHint command={queued.commandLine} />
    </Notice>
  );
}
