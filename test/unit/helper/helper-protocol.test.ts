import { afterAll, describe, expect, it } from 'vitest';
import {
  encodeHelperReply,
  encodeHelperRequest,
  HELPER_MAX_LINE_BYTES,
  HELPER_MAX_MESSAGE_LENGTH,
  parseHelperReply,
  parseHelperRequest,
} from '../../../daemon-bridge/contract/helper-protocol.ts';
import { reliabilityTally } from '../../support/reliability/ledger.ts';

const refused = reliabilityTally(
  'helper',
  'requests off the helper allow-list (metacharacters, traversal, option injection)',
);
afterAll(() => refused.flush());

const CHECKSUM = 'c7053928b302c7e4fc286eab370135d3636d489a93833c7dbb7b0673ab4cf808';
const PIN_PARAMS = { index: 1, osname: 'fedora', checksum: CHECKSUM, serial: 0, pinned: true };
const pin = (params: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 7, method: 'pin', params: { ...PIN_PARAMS, ...params }, ...extra });
const policy = (value: unknown) =>
  JSON.stringify({ id: 8, method: 'set-automatic-update-policy', params: { policy: value } });

describe('parseHelperRequest', () => {
  it('accepts the two requests of the allow-list, typed', () => {
    expect(parseHelperRequest(pin({}))).toEqual({
      ok: true,
      request: { id: 7, method: 'pin', params: PIN_PARAMS },
    });
    expect(
      parseHelperRequest(pin({ osname: 'fedora-coreos_2.x', serial: 3, pinned: false })),
    ).toMatchObject({
      ok: true,
      request: { params: { osname: 'fedora-coreos_2.x', pinned: false } },
    });
    for (const p of ['none', 'check', 'stage'])
      expect(parseHelperRequest(policy(p))).toEqual({
        ok: true,
        request: { id: 8, method: 'set-automatic-update-policy', params: { policy: p } },
      });
  });

  const hostileOsnames: readonly (readonly [string, string])[] = [
    ['a semicolon', 'fedora;reboot'],
    ['a pipe', 'fedora|sh'],
    ['command substitution', 'fedora$(id)'],
    ['a backtick', 'fedora`id`'],
    ['an ampersand', 'fedora&'],
    ['a redirection', 'fedora>/etc/passwd'],
    ['an input redirection', 'fedora</etc/shadow'],
    ['parentheses', '(fedora)'],
    ['a newline', 'fedora\nrm -rf /'],
    ['a carriage return', 'fedora\r'],
    ['a NUL byte', 'fedora\u0000'],
    ['a space', 'fedora os'],
    ['path traversal', '../../etc'],
    ['a slash', 'fedora/x'],
    ['a dot name', '..'],
    ['a hidden name', '.fedora'],
    ['option injection (--sysroot)', '--sysroot=/x'],
    ['option injection (--)', '-- foo'],
    ['a leading dash', '-u'],
    ['an empty name', ''],
    ['a glob', 'fed*'],
    ['a huge name', 'f'.repeat(256)],
    ['non-ASCII', 'fédora'],
  ];
  it.each(hostileOsnames)('refuses an osname with %s, naming the field', (_what, osname) => {
    const parsed = parseHelperRequest(pin({ osname }));
    expect(parsed).toMatchObject({ ok: false, id: 7, error: { kind: 'invalid-input' } });
    if (!parsed.ok) expect(parsed.error.message).toMatch(/^Invalid pin request: params\.osname: /);
    refused.count();
  });

  const hostileRequests: readonly (readonly [string, string, number | null])[] = [
    ['an unknown method', JSON.stringify({ id: 3, method: 'exec', params: { cmd: 'id' } }), 3],
    [
      'a method that is a prototype key',
      JSON.stringify({ id: 3, method: 'constructor', params: {} }),
      3,
    ],
    ['a missing method', JSON.stringify({ id: 3, params: PIN_PARAMS }), 3],
    ['a method of the wrong case', JSON.stringify({ id: 3, method: 'PIN', params: PIN_PARAMS }), 3],
    ['an extra top-level key', pin({}, { shell: true }), 7],
    ['an extra params key', pin({ sysroot: '/' }), 7],
    [
      'a __proto__ key in params',
      pin({}).replace('"index"', '"__proto__":{"polluted":1},"index"'),
      7,
    ],
    ['a __proto__ key at the top', pin({}).replace('"id"', '"__proto__":{"polluted":1},"id"'), 7],
    ['a constructor key', pin({ constructor: { prototype: {} } }), 7],
    ['a checksum in upper case', pin({ checksum: CHECKSUM.toUpperCase() }), 7],
    ['a short checksum', pin({ checksum: CHECKSUM.slice(1) }), 7],
    ['a checksum with a shell character', pin({ checksum: `${CHECKSUM.slice(1)};` }), 7],
    ['a checksum with option syntax', pin({ checksum: `--${CHECKSUM.slice(2)}` }), 7],
    ['a negative index', pin({ index: -1 }), 7],
    ['a fractional index', pin({ index: 1.5 }), 7],
    ['an index as a string', pin({ index: '1' }), 7],
    ['an index with option syntax', pin({ index: '--unpin' }), 7],
    ['a huge index', pin({ index: 1e12 }), 7],
    ['a negative serial', pin({ serial: -1 }), 7],
    ['pinned as a string', pin({ pinned: 'yes' }), 7],
    ['pinned as a number', pin({ pinned: 1 }), 7],
    ['missing params', JSON.stringify({ id: 7, method: 'pin' }), 7],
    ['params as an array', JSON.stringify({ id: 7, method: 'pin', params: [1] }), 7],
    ['an unknown policy', policy('apply'), 8],
    ['a policy with a newline', policy('stage\nIdleExitTimeout=0'), 8],
    ['a policy with a shell character', policy('stage;reboot'), 8],
    ['a policy of the wrong case', policy('Stage'), 8],
    ['a policy as a number', policy(1), 8],
    ['an id of zero', pin({}).replace('"id":7', '"id":0'), null],
    ['a string id', pin({}).replace('"id":7', '"id":"7"'), null],
    ['a fractional id', pin({}).replace('"id":7', '"id":7.5'), null],
    ['no id', JSON.stringify({ method: 'pin', params: PIN_PARAMS }), null],
    ['not JSON', 'pin 1', null],
    ['a shell command line', 'ostree admin pin 0; rm -rf /', null],
    ['an empty object', '{}', null],
    ['an array', '[1,2]', null],
    ['a string', '"pin"', null],
    ['null', 'null', null],
    ['a line longer than the cap', pin({ osname: 'f'.repeat(HELPER_MAX_LINE_BYTES) }), null],
  ];
  it.each(hostileRequests)('refuses %s with an error reply', (_what, line, id) => {
    expect(parseHelperRequest(line)).toMatchObject({
      ok: false,
      id,
      error: { kind: 'invalid-input' },
    });
    refused.count();
  });

  it('says what it does when the method is unknown', () => {
    const parsed = parseHelperRequest(JSON.stringify({ id: 3, method: 'rm -rf /', params: {} }));
    expect(parsed).toEqual({
      ok: false,
      id: 3,
      error: {
        kind: 'invalid-input',
        message:
          'Unknown method "rm -rf /"; the helper only does: pin, set-automatic-update-policy',
      },
    });
  });

  it('does not pollute prototypes while parsing', () => {
    parseHelperRequest('{"__proto__":{"polluted":true},"id":1,"method":"pin","params":{}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseHelperReply', () => {
  it('accepts the hello, ok and error replies', () => {
    expect(parseHelperReply('{"hello":"ostree-update-manager-helper","protocol":1}')).toEqual({
      ok: true,
      message: { hello: 'ostree-update-manager-helper', protocol: 1 },
    });
    expect(parseHelperReply('{"id":4,"ok":true}')).toEqual({
      ok: true,
      message: { id: 4, ok: true },
    });
    const error = { kind: 'not-authorized', message: 'no' };
    expect(parseHelperReply(JSON.stringify({ id: null, ok: false, error }))).toEqual({
      ok: true,
      message: { id: null, ok: false, error },
    });
  });

  it.each([
    ['not JSON', 'ok', null],
    [
      'an ok reply with an error',
      '{"id":4,"ok":true,"error":{"kind":"protocol","message":"x"}}',
      4,
    ],
    ['an ok reply without id', '{"id":null,"ok":true}', null],
    ['an unknown error kind', '{"id":4,"ok":false,"error":{"kind":"oops","message":"x"}}', 4],
    ['an extra key', '{"id":4,"ok":true,"value":1}', 4],
    ['a string ok', '{"id":4,"ok":"true"}', 4],
    ['another protocol version', '{"hello":"ostree-update-manager-helper","protocol":2}', null],
    [
      'an overlong message',
      JSON.stringify({
        id: 4,
        ok: false,
        error: { kind: 'protocol', message: 'x'.repeat(HELPER_MAX_MESSAGE_LENGTH + 1) },
      }),
      4,
    ],
  ])('reports %s as malformed', (_what, line, id) => {
    expect(parseHelperReply(line)).toMatchObject({ ok: false, id });
  });
});

describe('encoding', () => {
  it('writes one line per message and refuses to send an invalid request', () => {
    const line = encodeHelperRequest({ id: 1, method: 'pin', params: PIN_PARAMS });
    expect(line.endsWith('\n') && line.indexOf('\n') === line.length - 1).toBe(true);
    expect(parseHelperRequest(line.trimEnd())).toMatchObject({ ok: true });
    expect(() =>
      encodeHelperRequest({ id: 1, method: 'pin', params: { ...PIN_PARAMS, osname: '--x' } }),
    ).toThrow();
  });

  it('cuts long error messages so the reply still parses', () => {
    const line = encodeHelperReply({
      id: 2,
      ok: false,
      error: { kind: 'transaction-failed', message: 'é\n'.repeat(HELPER_MAX_MESSAGE_LENGTH) },
    });
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(parseHelperReply(line.trimEnd())).toMatchObject({
      ok: true,
      message: { id: 2, ok: false },
    });
  });
});
