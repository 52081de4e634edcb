import { describe, expect, it } from 'vitest';
import {
  formatTimestamp,
  isoTimestamp,
  originText,
  replacementText,
  roleLabel,
} from '../../../renderer/i18n/format.ts';

describe('formatTimestamp', () => {
  it('formats per locale', () => {
    const ts = 1_730_800_000; // 2024-11-05 09:46:40 UTC
    // ICU versions differ in the space before AM (U+0020 or U+202F).
    expect(formatTimestamp(ts, 'en-US', 'UTC')).toMatch(/^Nov 5, 2024, 9:46\sAM$/);
    expect(formatTimestamp(ts, 'de-DE', 'UTC')).toBe('05.11.2024, 09:46');
  });

  it('says when the date is unknown', () => {
    expect(formatTimestamp(null, 'en-US')).toBe('Unknown date');
  });

  it('gives an ISO form for <time>', () => {
    expect(isoTimestamp(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('originText', () => {
  it('shows refspecs and container references as they are, and names the rest', () => {
    expect([
      originText({ kind: 'ref', refspec: 'fedora:fedora/41/x86_64/silverblue' }),
      originText({
        kind: 'container',
        reference: 'ostree-image-signed:docker://q/f:41',
        digest: null,
      }),
      originText({ kind: 'checksum', checksum: 'abc' }),
      originText({ kind: 'unknown' }),
    ]).toEqual([
      'fedora:fedora/41/x86_64/silverblue',
      'ostree-image-signed:docker://q/f:41',
      'Fixed commit abc',
      'Unknown origin',
    ]);
  });
});

describe('roleLabel and replacementText', () => {
  it('label every role', () => {
    const roles = ['booted', 'pending', 'rollback', 'other'] as const;
    expect(roles.map((role) => roleLabel(role))).toEqual([
      'Booted',
      'Pending — applies on reboot',
      'Rollback',
      'Older deployment',
    ]);
  });

  it('shows original → replacement', () => {
    const pkg = (nevra: string) => ({
      nevra,
      name: 'n',
      epoch: 0,
      version: 'v',
      release: 'r',
      arch: 'a',
    });
    expect(replacementText({ original: pkg('a-1'), replacement: pkg('a-2') })).toBe('a-1 → a-2');
  });
});
