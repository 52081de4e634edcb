import { join } from 'node:path';
import type { MessageBus } from 'dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { chooseDaemon, daemonBusNames, surveyDaemons } from '../../daemon-bridge/detect.ts';
import { startPrivateBus } from '../../sandbox/private-bus.ts';
import type { PrivateBus } from '../../sandbox/private-bus.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * Detection on a real bus: names owned by a running process, and names the
 * bus could start (service files; never started by detection — the Exec
 * would leave a marker file if it were).
 */
describe('which update daemon is on the bus', () => {
  const dir = tempDir('detect');
  let bus: PrivateBus;
  let owner: MessageBus;
  const marker = join(dir.path, 'started');

  beforeAll(async () => {
    bus = await startPrivateBus(join(dir.path, 'run'), {
      services: [
        { name: daemonBusNames['apt-layer'], exec: ['/usr/bin/touch', marker] },
        { name: daemonBusNames['apt-ostree'], exec: ['/usr/bin/touch', marker] },
      ],
    });
    owner = await connectBus(bus.address);
  });
  afterAll(async () => {
    if (owner) closeBus(owner);
    await bus?.stop();
    dir.remove();
  });

  it('finds only apt-layer when only it is there, and picks it', async () => {
    const lone = await startPrivateBus(join(dir.path, 'run2'), {
      services: [{ name: daemonBusNames['apt-layer'], exec: ['/usr/bin/touch', marker] }],
    });
    try {
      const survey = await surveyDaemons(lone.address);
      expect(survey).toEqual({
        kind: 'bus',
        found: [{ kind: 'apt-layer', presence: 'activatable' }],
      });
      expect(survey.kind === 'bus' && chooseDaemon(survey.found, null)).toBe('apt-layer');
    } finally {
      await lone.stop();
    }
  });

  it('with several, prefers a running one, and the configured one over both', async () => {
    await owner.requestName(daemonBusNames['rpm-ostree'], 4);
    const survey = await surveyDaemons(bus.address);
    expect(survey).toEqual({
      kind: 'bus',
      found: [
        { kind: 'rpm-ostree', presence: 'running' },
        { kind: 'apt-ostree', presence: 'activatable' },
        { kind: 'apt-layer', presence: 'activatable' },
      ],
    });
    if (survey.kind !== 'bus') return;
    expect(chooseDaemon(survey.found, null)).toBe('rpm-ostree');
    expect(chooseDaemon(survey.found, 'apt-layer')).toBe('apt-layer');
    await owner.releaseName(daemonBusNames['rpm-ostree']);
    const after = await surveyDaemons(bus.address);
    expect(after.kind === 'bus' && chooseDaemon(after.found, null)).toBe('apt-ostree');
  });

  it('started nothing, and says when there is no bus at all', async () => {
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).toBe(false);
    expect((await surveyDaemons(`unix:path=${join(dir.path, 'no-bus')}`)).kind).toBe('no-bus');
  });
});
