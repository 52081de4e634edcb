import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HelperStatus } from '../../../daemon-bridge/contract/desktop.ts';
import { HelperClient } from '../../../daemon-bridge/helper/helper-client.ts';
import type { HelperLaunch } from '../../../daemon-bridge/helper/helper-launch.ts';
import type { PinTarget } from '../../../daemon-bridge/desktop-port.ts';
import { silentLogger } from '../../../daemon-bridge/logger.ts';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * A stand-in for the helper (or for pkexec in front of it): plain Node, no
 * loader, so each start takes a few tens of milliseconds. argv[2] picks how
 * it misbehaves; argv[3] is a state file for "only the first run".
 */
const FAKE_HELPER = String.raw`
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
const [mode, state] = process.argv.slice(2);
const out = (v) => process.stdout.write((typeof v === 'string' ? v : JSON.stringify(v)) + '\n');
if (mode === 'exit126') process.exit(126);
if (mode === 'exit127') { process.stderr.write('Error executing command as another user: Not authorized\n'); process.exit(127); }
if (mode === 'missing') { process.stderr.write('Error accessing /usr/libexec/x/helper: No such file or directory\n'); process.exit(127); }
if (state) appendFileSync(state, 'start\n');
const firstRun = state && !existsSync(state + '.died');
out({ hello: 'ostree-update-manager-helper', protocol: 1 });
let n = 0;
createInterface({ input: process.stdin }).on('line', (line) => {
  const req = JSON.parse(line);
  n++;
  if (mode === 'silent') return;
  if (mode === 'die-once' && firstRun) {
    writeFileSync(state + '.died', '');
    process.stderr.write('something broke\n');
    process.exit(3);
  }
  if (mode === 'malformed') {
    if (n === 1) return out('this is not json');
    if (n === 2) return out({ id: req.id, ok: 'yes' });
    if (n === 3) return out({ id: req.id, ok: true, value: 1 });
    if (n === 4) { out({ id: 9999, ok: true }); return out({ id: req.id, ok: true }); }
    if (n === 5) return out('x'.repeat(70 * 1024));
    return out({ id: req.id, ok: true });
  }
  if (req.method === 'set-automatic-update-policy' && req.params.policy === 'none')
    return out({ id: req.id, ok: false, error: { kind: 'transaction-failed', message: 'Cannot write /etc/rpm-ostreed.conf' } });
  out({ id: req.id, ok: true });
});
`;

const TARGET: PinTarget = {
  index: 1,
  osname: 'fedora',
  checksum: 'c7053928b302c7e4fc286eab370135d3636d489a93833c7dbb7b0673ab4cf808',
  serial: 0,
  pinned: true,
};

describe('HelperClient', () => {
  const dir = tempDir('helper-client');
  const script = join(dir.path, 'fake-helper.mjs');
  writeFileSync(script, FAKE_HELPER);
  const clients: HelperClient[] = [];
  const client = (mode: string, extra: Partial<HelperLaunch> = {}, timeoutMs?: number) => {
    const launch: HelperLaunch = {
      command: process.execPath,
      args: [script, mode, join(dir.path, `state-${mode}-${clients.length}`)],
      ...extra,
    };
    const logged: string[] = [];
    const log = { ...silentLogger, info: (m: string) => logged.push(m) };
    const c = new HelperClient({
      launch,
      log,
      stopGraceMs: 1000,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    const statuses: HelperStatus[] = [];
    c.onStatus((s) => statuses.push(s));
    clients.push(c);
    const starts = () =>
      logged.filter((m) => m.startsWith('starting the privileged helper')).length;
    return { c, statuses, state: launch.args[2]!, starts };
  };
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
  });
  afterAll(() => dir.remove());

  it('starts the helper on the first request, keeps it, and reports it running', async () => {
    const { c, statuses, state } = client('good');
    expect(c.status).toEqual({ kind: 'not-started' });
    expect(await c.pin(TARGET)).toEqual({ ok: true, value: null });
    expect(await c.pin({ ...TARGET, pinned: false })).toEqual({ ok: true, value: null });
    expect(await c.setAutomaticUpdatePolicy('stage')).toEqual({ ok: true, value: null });
    expect(await c.setAutomaticUpdatePolicy('none')).toEqual({
      ok: false,
      error: { kind: 'transaction-failed', message: 'Cannot write /etc/rpm-ostreed.conf' },
    });
    const parallel = await Promise.all([
      c.pin(TARGET),
      c.setAutomaticUpdatePolicy('check'),
      c.pin(TARGET),
    ]);
    expect(parallel.every((r) => r.ok)).toBe(true);
    expect(readStarts(state)).toBe(1);
    await c.stop();
    expect(statuses).toEqual([{ kind: 'running' }, { kind: 'stopped', message: null }]);
    expect(await c.pin(TARGET)).toMatchObject({ ok: false, error: { kind: 'daemon-unavailable' } });
  });

  it('refuses an invalid request itself, without starting anything', async () => {
    const { c, statuses } = client('good');
    expect(await c.pin({ ...TARGET, osname: '--sysroot=/x' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
    expect(await c.pin({ ...TARGET, index: -1 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
    expect(statuses).toEqual([]);
  });

  it('turns malformed replies into protocol failures, never a throw, and stays usable', async () => {
    const { c } = client('malformed');
    const protocol = { ok: false, error: { kind: 'protocol' } };
    expect(await c.pin(TARGET)).toMatchObject(protocol); // not JSON
    expect(await c.pin(TARGET)).toMatchObject(protocol); // ok: "yes"
    expect(await c.pin(TARGET)).toMatchObject(protocol); // extra keys
    expect(await c.pin(TARGET)).toEqual({ ok: true, value: null }); // a stray id first, then its own
    const huge = await c.pin(TARGET);
    expect(huge).toMatchObject(protocol);
    if (!huge.ok) expect(huge.error.message).toContain('longer than 65536 bytes');
    expect(await c.pin(TARGET)).toEqual({ ok: true, value: null });
  });

  it('fails the pending request when the helper dies, and starts it again on the next one', async () => {
    const { c, statuses, state } = client('die-once');
    const died = await c.pin(TARGET);
    expect(died).toEqual({
      ok: false,
      error: {
        kind: 'daemon-unavailable',
        message: 'The privileged helper stopped (exit code 3): something broke.',
      },
    });
    expect(await c.pin(TARGET)).toEqual({ ok: true, value: null });
    expect(readStarts(state)).toBe(2);
    expect(statuses).toEqual([
      { kind: 'running' },
      { kind: 'stopped', message: 'The privileged helper stopped (exit code 3): something broke.' },
      { kind: 'running' },
    ]);
  });

  it.each([
    ['exit126', 'not-authorized', 'Authentication was cancelled, so nothing was changed.'],
    [
      'exit127',
      'not-authorized',
      'You are not allowed to make this change (the system’s policy refused it).',
    ],
    ['missing', 'daemon-unavailable', /^The privileged helper is not installed/],
  ])('reports pkexec exit status %s as %s', async (mode, kind, message) => {
    const { c, statuses } = client(mode);
    const result = await c.setAutomaticUpdatePolicy('stage');
    expect(result).toMatchObject({ ok: false, error: { kind, message } });
    expect(statuses).toMatchObject([{ kind: 'stopped', message }]);
  });

  it('reports a missing pkexec or helper binary as daemon-unavailable', async () => {
    const { c } = client('good', { command: '/nonexistent/bin/pkexec', args: ['/usr/libexec/x'] });
    expect(await c.pin(TARGET)).toEqual({
      ok: false,
      error: {
        kind: 'daemon-unavailable',
        message:
          'Cannot start the privileged helper: pkexec is not installed (it comes with polkit).',
        detail: 'ENOENT',
      },
    });
    const other = client('good', { command: '/nonexistent/helper', args: [] });
    expect(await other.c.pin(TARGET)).toMatchObject({
      ok: false,
      error: {
        kind: 'daemon-unavailable',
        message: 'Cannot start the privileged helper: /nonexistent/helper was not found.',
      },
    });
  });

  it('gives up on a request after the timeout and starts a fresh helper next time', async () => {
    // The fake never answers; whether it managed to start before the timeout does not matter.
    const { c, starts } = client('silent', {}, 300);
    const started = Date.now();
    const result = await c.pin(TARGET);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'daemon-unavailable',
        message:
          /^The privileged helper did not answer within 1 s; the change may still take effect/,
      },
    });
    expect(c.status).toMatchObject({ kind: 'stopped' });
    expect(starts()).toBe(1);
    expect(await c.pin(TARGET)).toMatchObject({ ok: false, error: { kind: 'daemon-unavailable' } });
    expect(starts()).toBe(2);
  });
});

function readStarts(state: string): number {
  return readFileSync(state, 'utf8').split('\n').filter(Boolean).length;
}
