import { describe, expect, it } from 'vitest';
import { asPropertiesEvent } from '../../../daemon-bridge/apt-layer/link-events.ts';
import { parseStatus, toSystemState } from '../../../daemon-bridge/apt-layer/parse-status.ts';
import * as bridge from '../../../daemon-bridge/apt-layer/protocol.ts';
import { initialDesktopState } from '../../../daemon-bridge/contract/desktop.ts';
import { initialHealthState } from '../../../daemon-bridge/contract/health.ts';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { reduceLinkEvent } from '../../../daemon-bridge/manager.ts';
import * as sandbox from '../../../sandbox/apt-layer/apt-layer-api.ts';

describe('apt-layer protocol: the sandbox and the bridge agree', () => {
  it('on names, terminal values and errors', () => {
    expect({
      busName: bridge.APT_LAYER_BUS_NAME,
      path: bridge.APT_LAYER_OBJECT_PATH,
      iface: bridge.APT_LAYER_INTERFACE,
      version: bridge.STATUS_VERSION,
      done: bridge.PROGRESS_DONE,
      failed: bridge.PROGRESS_FAILED,
      doneMessage: bridge.DONE_MESSAGE,
      busy: bridge.BUSY_ERROR,
    }).toEqual({
      busName: sandbox.APT_LAYER_BUS_NAME,
      path: sandbox.APT_LAYER_OBJECT_PATH,
      iface: sandbox.APT_LAYER_INTERFACE,
      version: sandbox.STATUS_VERSION,
      done: sandbox.PROGRESS_DONE,
      failed: sandbox.PROGRESS_FAILED,
      doneMessage: sandbox.DONE_MESSAGE,
      busy: sandbox.BUSY_ERROR,
    });
    expect(bridge.APT_LAYER_IDENTITY).toEqual({
      flavour: 'apt-layer',
      busName: 'org.debian.aptostree1',
    });
  });

  it('transaction addresses cannot be mistaken for D-Bus addresses', () => {
    expect(bridge.addressOf('1f2e')).toBe('apt-layer:1f2e');
    expect(bridge.transactionIdOf('apt-layer:1f2e')).toBe('1f2e');
    expect(bridge.transactionIdOf('unix:path=/run/rpm-ostree-transaction.sock')).toBeNull();
    expect(bridge.transactionIdOf('apt-layer:')).toBeNull();
  });

  it('a Status reply typed as the sandbox writes it parses', () => {
    const reply: sandbox.StatusReply = {
      version: 1,
      sysroot: '/s/sysroot',
      booted: 'debian-x.0',
      deployments: [
        {
          id: 'debian-x.0',
          osname: 'debian',
          serial: 0,
          checksum: 'x',
          base_checksum: 'x',
          version: null,
          timestamp: null,
          origin: null,
          booted: true,
          staged: false,
          pinned: false,
          packages: [],
        },
      ],
      transaction: { id: 'T', operation: 'rollback', packages: [], initiator: ':1.4' },
    };
    expect(parseStatus(JSON.stringify(reply)).transaction).toEqual(reply.transaction);
  });

  it('the stop-gap properties event gives today’s manager the very same SystemState', () => {
    const system = toSystemState(
      parseStatus(
        JSON.stringify({
          version: 1,
          sysroot: '/s/sysroot',
          booted: 'debian-b.0',
          deployments: [
            {
              id: 'debian-p.0',
              osname: 'debian',
              serial: 0,
              checksum: 'p',
              base_checksum: 'b',
              version: '13.2',
              timestamp: 2,
              origin: 'debian:x',
              booted: false,
              staged: true,
              pinned: false,
              packages: ['tmux'],
            },
            {
              id: 'debian-b.0',
              osname: 'debian',
              serial: 0,
              checksum: 'b',
              base_checksum: 'b',
              version: '13.1',
              timestamp: 1,
              origin: 'debian:x',
              booted: true,
              staged: false,
              pinned: false,
              packages: [],
            },
          ],
          transaction: { id: 'T', operation: 'install', packages: ['zsh'], initiator: ':1.9' },
        }),
      ),
      77,
    );
    const state: AppState = {
      mode: { kind: 'system' },
      daemon: { kind: 'connecting' },
      system: null,
      activity: null,
      lastCheck: null,
      queued: null,
      desktop: initialDesktopState,
      health: initialHealthState,
    };
    const next = reduceLinkEvent(
      state,
      asPropertiesEvent({ kind: 'system', system }),
      bridge.APT_LAYER_IDENTITY,
      77,
    );
    expect(next.system).toEqual(system);
    expect(next.daemon).toEqual({ kind: 'ready', daemon: bridge.APT_LAYER_IDENTITY });
  });
});
