import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyDaemons } from '../../daemon-bridge/detect.ts';
import { silentLogger } from '../../daemon-bridge/logger.ts';
import { createAppRuntime } from '../../daemon-bridge/runtime.ts';
import { startPrivateBus } from '../../sandbox/private-bus.ts';
import { blankState } from '../support/app-state.ts';
import { waitForState } from '../support/runtime-probe.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('no update daemon on the bus', () => {
  const dir = tempDir('absent');
  let bus: Awaited<ReturnType<typeof startPrivateBus>>;

  beforeAll(async () => {
    bus = await startPrivateBus(join(dir.path, 'run'));
  });
  afterAll(async () => {
    await bus?.stop();
    dir.remove();
  });

  it('detection says absent on an empty bus and no-bus on a missing one', async () => {
    expect(await surveyDaemons(bus.address)).toEqual({ kind: 'bus', found: [] });
    expect((await surveyDaemons(`unix:path=${join(dir.path, 'nothing-here')}`)).kind).toBe(
      'no-bus',
    );
  });

  it('the runtime reports the daemon absent with a message naming it', async () => {
    const runtime = await createAppRuntime({
      mode: { kind: 'system' },
      busAddress: bus.address,
      log: silentLogger,
      // This machine's own /boot and journal are not what this test is about.
      health: false,
    });
    try {
      const state = await waitForState(runtime, 'absent', (s) => s.daemon.kind === 'absent');
      expect(state).toEqual(
        blankState({
          daemon: {
            kind: 'absent',
            message:
              'No update daemon (org.projectatomic.rpmostree1) is running or installed on the system bus.',
          },
        }),
      );
    } finally {
      await runtime.stop();
    }
  });

  it('a bus that goes away is reported and reconnected when it returns', async () => {
    const runtime = await createAppRuntime({
      mode: { kind: 'system' },
      busAddress: bus.address,
      log: silentLogger,
      reconnectDelayMs: 100,
    });
    try {
      await waitForState(runtime, 'absent', (s) => s.daemon.kind === 'absent');
      await bus.stop();
      await waitForState(runtime, 'bus lost', (s) =>
        s.daemon.kind === 'absent'
          ? s.daemon.message.startsWith('Cannot reach the system bus')
          : false,
      );
      bus = await startPrivateBus(join(dir.path, 'run'));
      await waitForState(
        runtime,
        'absent again after reconnect',
        (s) => s.daemon.kind === 'absent' && s.daemon.message.startsWith('No update daemon'),
      );
    } finally {
      await runtime.stop();
    }
  });
});
