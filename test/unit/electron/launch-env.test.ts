import { describe, expect, it } from 'vitest';
import { runModeFromEnv } from '../../../electron/launch-env.ts';

describe('runModeFromEnv', () => {
  it('reads the sandbox mode scripts/start.ts passes', () => {
    const mode = { kind: 'sandbox', dir: '/tmp/s', reason: 'no-daemon' };
    expect(runModeFromEnv({ OSTREE_UM_MODE: JSON.stringify(mode) })).toEqual(mode);
  });

  it.each([
    undefined,
    '',
    '{',
    'null',
    '"sandbox"',
    '{"kind":"sandbox"}',
    '{"kind":"sandbox","dir":1,"reason":"requested"}',
    '{"kind":"sandbox","dir":"/x","reason":"because"}',
    '{"kind":"system"}',
  ])('falls back to the system daemon for %s', (raw) => {
    expect(runModeFromEnv(raw === undefined ? {} : { OSTREE_UM_MODE: raw })).toEqual({
      kind: 'system',
    });
  });
});
