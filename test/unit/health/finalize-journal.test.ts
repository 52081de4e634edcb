import { describe, expect, it } from 'vitest';
import {
  COMPLETE_MESSAGE_ID,
  FINALIZE_SERVICE,
  FINALIZING_MESSAGE_ID,
  finalizeOutcome,
  parseBootList,
  previousBoot,
} from '../../../daemon-bridge/health/finalize-journal.ts';
import { field, parseJournalLines } from '../../../daemon-bridge/health/journal-entries.ts';
import type { JournalEntry } from '../../../daemon-bridge/health/journal-entries.ts';

const BOOT = 'c44337fbd7f34f61b9e5f7e7b946660a';
let clock = 1_700_000_000_000_000;

/** A journal entry as `journalctl -o json` prints it. */
function entry(fields: Record<string, unknown>): JournalEntry {
  clock += 1000;
  return { __REALTIME_TIMESTAMP: String(clock), _BOOT_ID: BOOT, ...fields };
}
const ostree = (pid: string, fields: Record<string, unknown>) =>
  entry({ SYSLOG_IDENTIFIER: 'ostree', _UID: '0', _PID: pid, _COMM: 'ostree', ...fields });
const finalizing = (pid = '4242') =>
  ostree(pid, { MESSAGE_ID: FINALIZING_MESSAGE_ID, MESSAGE: 'Finalizing staged deployment' });
const complete = (pid = '4242') =>
  ostree(pid, { MESSAGE_ID: COMPLETE_MESSAGE_ID, MESSAGE: 'Transaction complete' });
const stdout = (message: unknown, pid = '4242') =>
  ostree(pid, { MESSAGE: message, _TRANSPORT: 'stdout' });
const systemd = (message: string) =>
  entry({ UNIT: FINALIZE_SERVICE, _COMM: 'systemd', _PID: '1', _UID: '0', MESSAGE: message });

describe('finalizeOutcome: the previous boot as rpm-ostree status reads it', () => {
  it('nothing was finalized: fine', () => {
    expect(finalizeOutcome([systemd('Stopping …'), stdout('error: unrelated')])).toEqual({
      kind: 'ok',
    });
  });

  it('finalized: the complete message of the same process', () => {
    expect(
      finalizeOutcome([finalizing(), complete(), systemd('Deactivated successfully.')]),
    ).toEqual({ kind: 'ok' });
  });

  it('an exit code: the message is ostree’s last error line on stdout', () => {
    const start = finalizing();
    const outcome = finalizeOutcome([
      start,
      stdout('Copying /etc changes: 12 modified'),
      stdout('error: Installing kernel: regfile copy: No space left on device'),
      systemd(`${FINALIZE_SERVICE}: Control process exited, code=exited, status=1/FAILURE`),
      systemd(`${FINALIZE_SERVICE}: Failed with result 'exit-code'.`),
    ]);
    expect(outcome).toEqual({
      kind: 'failed',
      message: 'error: Installing kernel: regfile copy: No space left on device',
      at: Math.floor(Number(start.__REALTIME_TIMESTAMP) / 1000),
    });
  });

  it('an exit code whose last stdout line is no error: failed, without a message', () => {
    expect(
      finalizeOutcome([
        finalizing(),
        stdout('Bootloader updated'),
        systemd(`${FINALIZE_SERVICE}: Failed with result 'exit-code'.`),
      ]),
    ).toMatchObject({ kind: 'failed', message: null });
  });

  it('a timeout or a signal: systemd’s own line is the message', () => {
    const line = `${FINALIZE_SERVICE}: Failed with result 'timeout'.`;
    expect(finalizeOutcome([finalizing(), stdout('error: x'), systemd(line)])).toMatchObject({
      kind: 'failed',
      message: line,
    });
  });

  it('systemd never said how it ended: failed, without a message', () => {
    expect(finalizeOutcome([finalizing(), stdout('error: late')])).toMatchObject({
      kind: 'failed',
      message: null,
    });
  });

  it('a complete message of another process does not count; the last finalization is judged', () => {
    const entries = [
      finalizing('1'),
      complete('1'),
      finalizing('2'),
      complete('3'),
      stdout('error: second attempt failed', '2'),
      stdout('error: someone else', '3'),
      systemd(`${FINALIZE_SERVICE}: Failed with result 'exit-code'.`),
    ];
    expect(finalizeOutcome(entries)).toMatchObject({
      kind: 'failed',
      message: 'error: second attempt failed',
    });
  });

  it('reads messages journalctl prints as bytes (not valid text), and ignores non-root ostree', () => {
    const bytes = [...Buffer.from('error: bad \u00e9 byte\u0007', 'utf8')];
    const user = { ...finalizing('9'), _UID: '1000' };
    expect(
      finalizeOutcome([
        finalizing(),
        stdout(bytes),
        systemd(`${FINALIZE_SERVICE}: Failed with result 'exit-code'.`),
        user,
      ]),
    ).toMatchObject({ kind: 'failed', message: 'error: bad \u00e9 byte\u0007' });
  });
});

describe('the journal’s boots and lines', () => {
  const boots = [
    { bootId: 'a'.repeat(32), firstEntry: 1 },
    { bootId: 'b'.repeat(32), firstEntry: 2 },
  ];

  it('the previous boot is the one listed before the running boot (dashes or not)', () => {
    const running = 'bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb';
    expect(previousBoot(boots, running)).toEqual(boots[0]);
    expect(previousBoot(boots, 'a'.repeat(32))).toBeNull();
    expect(previousBoot(boots, 'c'.repeat(32))).toBeUndefined();
  });

  it('parses --list-boots as JSON and as the table older journalctl prints', () => {
    expect(
      parseBootList(
        '[{"index":-1,"boot_id":"' + 'a'.repeat(32) + '","first_entry":1,"last_entry":2}]',
      ),
    ).toEqual([{ bootId: 'a'.repeat(32), firstEntry: 1 }]);
    const table = [
      'IDX BOOT ID                          FIRST ENTRY                 LAST ENTRY',
      ` -1 ${'a'.repeat(32)} Tue 2023-11-14 22:13:20 UTC Tue 2023-11-14 22:13:21 UTC`,
      `  0 ${'b'.repeat(32)} Tue 2023-11-14 22:15:00 UTC Tue 2023-11-14 22:15:00 UTC`,
    ].join('\n');
    expect(parseBootList(table).map((b) => b.bootId)).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
    expect(parseBootList('')).toEqual([]);
  });

  it('parses JSON lines, skipping a truncated last line; repeated fields read as the last', () => {
    const text = `{"MESSAGE":"one","F":["x","y"]}\n-- No entries --\n{"MESSAGE":"tw`;
    const entries = parseJournalLines(text);
    expect(entries).toHaveLength(1);
    expect(field(entries[0]!, 'F')).toBe('y');
    expect(field(entries[0]!, 'MISSING')).toBeNull();
  });
});
