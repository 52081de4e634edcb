/**
 * The signal sequence the p2p test servers play (Node fixture and
 * test/support/glib/txn-server.py emit the same values), and the typed
 * events a client must turn it into.
 */
import * as dbus from 'dbus-next';
import type { TransactionEvent } from '../../daemon-bridge/rpm-ostree/transaction/index.ts';

export type Scenario = 'ok' | 'fail' | 'cancel' | 'hang';

/** One signal to emit, or a control step. */
export interface Step {
  readonly name: string;
  readonly args: readonly unknown[];
}

export const DEMO = {
  title: 'upgrade (download only)',
  initiator: 'client(id:oum-test dbus:1.42 unit:session-1.scope uid:0)',
  commit: 'a'.repeat(64),
  failure: "[7] Couldn't connect to server",
  cancelled: 'Operation was cancelled',
} as const;

const signature15 = new dbus.Variant('(bbbbbsxxsssssxx)', [
  true,
  false,
  false,
  false,
  false,
  'A1B2C3D4E5F60718',
  1_700_000_000n,
  0n,
  'RSA',
  'SHA256',
  'Fedora (40)',
  'fedora-40@fedoraproject.org',
  'F00DF00DF00DF00D',
  0n,
  0n,
]);
const signature13 = new dbus.Variant('(bbbbbsxxsssss)', [
  false,
  false,
  false,
  false,
  true,
  'DEADBEEFDEADBEEF',
  1_600_000_000n,
  1_900_000_000n,
  '',
  '',
  '[unknown name]',
  '[unknown email]',
  '',
]);

/** The body of a pull with real-looking numbers (t values beyond 2³²). */
const download = [
  [1_700_000_000_123_456n, 3n],
  [1, 0],
  [10, 5, 0],
  [2, 1, 0, 5_000_000_000n],
  [5, 10],
  [123_456n, 4096n],
];

const opening: readonly Step[] = [
  { name: 'TaskBegin', args: ['Scanning metadata'] },
  { name: 'TaskEnd', args: ['done'] },
  { name: 'DownloadProgress', args: download },
  { name: 'Message', args: ['Receiving objects; 50% (5/10) 4,1 kB/s 123,5 kB'] },
  { name: 'SignatureProgress', args: [[signature15, signature13], DEMO.commit] },
  { name: 'ProgressEnd', args: [] },
];

/** The steps of each scenario, Finished last (or never, for 'hang'). */
export function demoSteps(scenario: Scenario): readonly Step[] {
  switch (scenario) {
    case 'ok':
      return [
        ...opening,
        { name: 'PercentProgress', args: ['Writing objects', 0] },
        { name: 'PercentProgress', args: ['Writing objects', 100] },
        { name: 'ProgressEnd', args: [] },
        { name: 'Message', args: ['Staging deployment…done'] },
        { name: 'Finished', args: [true, ''] },
      ];
    case 'fail':
      return [...opening, { name: 'Finished', args: [false, DEMO.failure] }];
    case 'cancel':
      return [
        { name: 'TaskBegin', args: ['Downloading'] },
        { name: 'loop-until-cancelled', args: [] },
        { name: 'Finished', args: [false, DEMO.cancelled] },
      ];
    case 'hang':
      return [
        { name: 'TaskBegin', args: ['Waiting forever'] },
        { name: 'hang', args: [] },
      ];
  }
}

const openingEvents: readonly TransactionEvent[] = [
  { kind: 'task-begin', text: 'Scanning metadata' },
  { kind: 'task-end', text: 'done' },
  {
    kind: 'download-progress',
    startTimeMicros: 1_700_000_000_123_456,
    elapsedSeconds: 3,
    outstandingFetches: 1,
    outstandingWrites: 0,
    scannedMetadata: 10,
    metadataFetched: 5,
    outstandingMetadataFetches: 0,
    totalDeltaParts: 2,
    fetchedDeltaParts: 1,
    totalDeltaSuperblocks: 0,
    totalDeltaPartSize: 5_000_000_000,
    contentFetched: 5,
    contentRequested: 10,
    bytesTransferred: 123_456,
    bytesPerSecond: 4096,
  },
  { kind: 'message', text: 'Receiving objects; 50% (5/10) 4,1 kB/s 123,5 kB' },
  {
    kind: 'signature-progress',
    commit: DEMO.commit,
    signatures: [
      {
        valid: true,
        signatureExpired: false,
        keyExpired: false,
        keyRevoked: false,
        keyMissing: false,
        fingerprint: 'A1B2C3D4E5F60718',
        timestamp: 1_700_000_000,
        expiresAt: 0,
        userName: 'Fedora (40)',
        userEmail: 'fedora-40@fedoraproject.org',
      },
      {
        valid: false,
        signatureExpired: false,
        keyExpired: false,
        keyRevoked: false,
        keyMissing: true,
        fingerprint: 'DEADBEEFDEADBEEF',
        timestamp: 1_600_000_000,
        expiresAt: 1_900_000_000,
        userName: '[unknown name]',
        userEmail: '[unknown email]',
      },
    ],
  },
  { kind: 'progress-end' },
];

/** The typed events of the 'ok' scenario, in order. */
export const OK_EVENTS: readonly TransactionEvent[] = [
  ...openingEvents,
  { kind: 'percent-progress', text: 'Writing objects', percentage: 0 },
  { kind: 'percent-progress', text: 'Writing objects', percentage: 100 },
  { kind: 'progress-end' },
  { kind: 'message', text: 'Staging deployment…done' },
  { kind: 'finished', success: true, message: '' },
];

/** The typed events of the 'fail' scenario. */
export const FAIL_EVENTS: readonly TransactionEvent[] = [
  ...openingEvents,
  { kind: 'finished', success: false, message: DEMO.failure },
];
