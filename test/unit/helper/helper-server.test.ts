import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { PinParams } from '../../../daemon-bridge/contract/helper-protocol.ts';
import { HELPER_MAX_LINE_BYTES } from '../../../daemon-bridge/contract/helper-protocol.ts';
import { fail, ok } from '../../../daemon-bridge/contract/domain.ts';
import { serveHelper } from '../../../daemon-bridge/helper/helper-server.ts';
import { silentLogger } from '../../../daemon-bridge/logger.ts';

const CHECKSUM = 'c7053928b302c7e4fc286eab370135d3636d489a93833c7dbb7b0673ab4cf808';
const PIN = { index: 1, osname: 'fedora', checksum: CHECKSUM, serial: 0, pinned: true };

/** Feeds `input` to a helper whose actions only record what they were asked. */
async function serve(input: string | Buffer) {
  const calls: string[] = [];
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const done = serveHelper(
    stdin,
    stdout,
    {
      pin: async (p: PinParams) => {
        calls.push(`pin ${p.index} ${p.pinned}`);
        // Slow on purpose: replies must still come in request order.
        await new Promise((r) => setTimeout(r, 20));
        return p.index === 9
          ? fail({ kind: 'transaction-failed', message: 'Cannot pin staged deployment' })
          : ok(null);
      },
      setAutomaticUpdatePolicy: (policy) => {
        calls.push(`policy ${policy}`);
        if (policy === 'check') return Promise.reject(new Error('disk full'));
        return Promise.resolve(ok(null));
      },
    },
    silentLogger,
  );
  stdin.end(input);
  await done;
  return {
    calls,
    replies: out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as unknown),
  };
}

describe('serveHelper', () => {
  it('says hello, answers in order, refuses bad lines and keeps serving', async () => {
    const { calls, replies } = await serve(
      [
        JSON.stringify({ id: 1, method: 'pin', params: PIN }),
        JSON.stringify({ id: 2, method: 'pin', params: { ...PIN, osname: '--sysroot=/x' } }),
        'not json; rm -rf /',
        '',
        JSON.stringify({ id: 3, method: 'shell', params: { command: 'id' } }),
        JSON.stringify({
          id: 4,
          method: 'set-automatic-update-policy',
          params: { policy: 'stage' },
        }),
        JSON.stringify({ id: 5, method: 'pin', params: { ...PIN, index: 9 } }),
        JSON.stringify({
          id: 6,
          method: 'set-automatic-update-policy',
          params: { policy: 'check' },
        }),
        JSON.stringify({ id: 7, method: 'pin', params: { ...PIN, pinned: false } }),
      ].join('\n'),
    );
    expect(calls).toEqual([
      'pin 1 true',
      'policy stage',
      'pin 9 true',
      'policy check',
      'pin 1 false',
    ]);
    expect(replies).toEqual([
      { hello: 'ostree-update-manager-helper', protocol: 1 },
      { id: 1, ok: true },
      {
        id: 2,
        ok: false,
        error: {
          kind: 'invalid-input',
          message: 'Invalid pin request: params.osname: not a stateroot name',
        },
      },
      { id: null, ok: false, error: { kind: 'invalid-input', message: 'Request is not JSON' } },
      {
        id: 3,
        ok: false,
        error: {
          kind: 'invalid-input',
          message: 'Unknown method "shell"; the helper only does: pin, set-automatic-update-policy',
        },
      },
      { id: 4, ok: true },
      {
        id: 5,
        ok: false,
        error: { kind: 'transaction-failed', message: 'Cannot pin staged deployment' },
      },
      { id: 6, ok: false, error: { kind: 'transaction-failed', message: 'disk full' } },
      { id: 7, ok: true },
    ]);
  });

  it('answers a huge line with one error and does not act on it', async () => {
    const huge = JSON.stringify({
      id: 1,
      method: 'pin',
      params: { ...PIN, osname: 'x'.repeat(HELPER_MAX_LINE_BYTES * 2) },
    });
    const { calls, replies } = await serve(
      `${huge}\n${JSON.stringify({ id: 2, method: 'pin', params: PIN })}\n`,
    );
    expect(calls).toEqual(['pin 1 true']);
    expect(replies.slice(1)).toEqual([
      {
        id: null,
        ok: false,
        error: {
          kind: 'invalid-input',
          message: `Request longer than ${HELPER_MAX_LINE_BYTES} bytes (${Buffer.byteLength(huge)})`,
        },
      },
      { id: 2, ok: true },
    ]);
  });
});
