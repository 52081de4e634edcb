import { homedir } from 'node:os';
import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import {
  buildDiagnostics,
  diagnosticsFileName,
} from '../../../daemon-bridge/health/diagnostics.ts';
import type { DiagnosticsInput } from '../../../daemon-bridge/health/diagnostics.ts';
import { variantToJson } from '../../../daemon-bridge/health/status-json.ts';
import { blankState, emptySystem } from '../../support/app-state.ts';

const T0 = Date.UTC(2026, 1, 1, 9, 30, 5);
const HOME = homedir();
const TOKEN = 'f3a9c0d1e2b4a5968778695a4b3c2d1e';

function input(overrides: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  return {
    now: T0,
    appVersion: '0.1.0',
    runtime: { platform: 'linux', arch: 'x64', node: '20.0.0', electron: null },
    daemonVersion: 'rpm-ostree 2025.11',
    // A sandbox under the home directory, whose daemon reports its sysroot there.
    state: blankState({
      mode: { kind: 'sandbox', dir: `${HOME}/.local/share/oum/sandbox`, reason: 'no-daemon' },
      daemon: {
        kind: 'ready',
        daemon: { flavour: 'rpm-ostree', busName: 'org.projectatomic.rpmostree1' },
      },
      system: emptySystem(T0, { sysrootPath: `${HOME}/.local/share/oum/sandbox/sysroot` }),
    }),
    status: {
      source: 'daemon',
      json: {
        deployments: [{ id: 'fedora-a.0', booted: true, timestamp: 1_770_000_000 }],
        transaction: null,
        'cached-update': null,
        'update-driver': null,
      },
    },
    transactions: [],
    home: HOME,
    ...overrides,
  };
}

describe('the diagnostics file', () => {
  it('is one JSON document with the status --json keys, versions, health and settings', () => {
    const doc = JSON.parse(buildDiagnostics(input())) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      'format',
      'createdAt',
      'app',
      'daemon',
      'status',
      'system',
      'transactions',
      'currentActivity',
      'queued',
      'lastCheck',
      'health',
      'settings',
      'notifications',
    ]);
    expect(doc.app).toEqual({
      version: '0.1.0',
      mode: { kind: 'sandbox', reason: 'no-daemon' },
      runtime: { platform: 'linux', arch: 'x64', node: '20.0.0', electron: null },
    });
    expect(doc.daemon).toEqual({
      status: 'ready',
      flavour: 'rpm-ostree',
      busName: 'org.projectatomic.rpmostree1',
      version: 'rpm-ostree 2025.11',
    });
    expect(Object.keys(doc.status as object)).toEqual([
      'deployments',
      'transaction',
      'cached-update',
      'update-driver',
    ]);
    expect(doc.settings).toMatchObject({
      app: { quiet: false, autostart: false, backgroundChecks: true },
      automaticUpdatePolicy: 'check',
    });
  });

  it('holds neither the home directory nor the web token, even where the daemon reports the home', () => {
    const text = buildDiagnostics(input());
    expect(HOME.length).toBeGreaterThan(1);
    expect(text).not.toContain(HOME);
    expect(text).not.toContain(TOKEN);
    // What the daemon reported is kept, the home shortened to ~.
    expect(text).toContain('"sysrootPath": "~/.local/share/oum/sandbox/sysroot"');
    // The app's own sandbox directory is not in it at all.
    expect(text).not.toContain('"dir"');
    // Nothing from the environment (where web mode's token would be, were it anywhere).
    process.env.OUM_TEST_SECRET = TOKEN;
    try {
      expect(buildDiagnostics(input())).not.toContain(TOKEN);
    } finally {
      delete process.env.OUM_TEST_SECRET;
    }
  });

  it('says why the daemon could not be read, instead of its status', () => {
    const doc = JSON.parse(
      buildDiagnostics(input({ status: { source: 'unavailable', reason: 'Not connected.' } })),
    ) as Record<string, unknown>;
    expect(doc.status).toBeNull();
    expect(doc.statusError).toBe('Not connected.');
  });

  it('is named with the time it was made, in UTC', () => {
    expect(diagnosticsFileName(T0)).toBe('ostree-update-manager-diagnostics-20260201-093005.json');
  });
});

describe('variantToJson (json_gvariant_serialize over dbus-next values)', () => {
  it('unwraps variants, turns 64-bit integers into numbers and dictionaries into objects', () => {
    const deployment = {
      id: new Variant('s', 'fedora-a.0'),
      serial: new Variant('i', 0),
      timestamp: new Variant('t', 1_770_000_000n),
      booted: new Variant('b', true),
      packages: new Variant('as', ['htop']),
      signatures: new Variant('av', [new Variant('(bs)', [true, 'key'])]),
      bytes: new Variant('ay', Buffer.from([1, 2])),
    };
    expect(variantToJson([deployment])).toEqual([
      {
        id: 'fedora-a.0',
        serial: 0,
        timestamp: 1_770_000_000,
        booted: true,
        packages: ['htop'],
        signatures: [[true, 'key']],
        bytes: [1, 2],
      },
    ]);
  });
});
