import { describe, expect, it } from 'vitest';
import { chooseDaemon } from '../../../daemon-bridge/detect.ts';
import type { FoundDaemon } from '../../../daemon-bridge/detect.ts';

const running = (kind: FoundDaemon['kind']): FoundDaemon => ({ kind, presence: 'running' });
const startable = (kind: FoundDaemon['kind']): FoundDaemon => ({ kind, presence: 'activatable' });

describe('chooseDaemon', () => {
  it.each([
    [[], null, null],
    [[startable('apt-layer')], null, 'apt-layer'],
    [[startable('rpm-ostree'), running('apt-layer')], null, 'apt-layer'],
    [[startable('rpm-ostree'), startable('apt-ostree')], null, 'rpm-ostree'],
    [[running('rpm-ostree'), startable('apt-layer')], 'apt-layer', 'apt-layer'],
    [[running('rpm-ostree')], 'apt-ostree', null],
  ] as const)('%j with --daemon %s → %s', (found, configured, chosen) => {
    expect(chooseDaemon(found, configured)).toBe(chosen);
  });
});
