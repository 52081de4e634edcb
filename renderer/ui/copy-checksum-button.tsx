import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { t } from '../i18n/strings.ts';
import { useAppStore } from '../store/store-context.tsx';
import { Icon } from './icon.tsx';

const FEEDBACK_MS = 2000;

/** Copies the full checksum; the live region announces it, the button shows it for a moment. */
export function CopyChecksumButton(props: {
  readonly checksum: string;
  readonly shortChecksum: string;
}): ReactNode {
  const copyRequested = useAppStore((s) => s.checksumCopyRequested);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <button
      type="button"
      className="button button--flat button--small"
      aria-label={t('copyLabel', { checksum: props.shortChecksum })}
      onClick={() => void copyRequested(props.checksum).then(setCopied)}
    >
      <Icon name={copied ? 'check' : 'copy'} />
      <span>{copied ? t('copied') : t('copy')}</span>
    </button>
  );
}
