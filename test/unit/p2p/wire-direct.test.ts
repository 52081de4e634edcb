import * as dbus from 'dbus-next';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedLayout, fixedValues } from '../../../daemon-bridge/dbus/p2p/fixed-body.ts';
import {
  WireError,
  decodeGeneric,
  decodeMessage,
  encodeMessage,
} from '../../../daemon-bridge/dbus/p2p/wire.ts';

/** Everything a decoded message carries. */
const fields = (m: dbus.Message) => ({
  type: m.type,
  flags: m.flags,
  serial: m.serial,
  path: m.path,
  interface: m.interface,
  member: m.member,
  errorName: m.errorName,
  replySerial: m.replySerial,
  destination: m.destination,
  sender: m.sender,
  signature: m.signature,
  body: m.body,
});

/** A value of each fixed-size type, in dbus-next's JS form, and its signature. */
// dbus-next's marshaller refuses infinities and -2^63, so the values stay inside that.
const fixedValue = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((v) => ['y', v] as const),
  fc.boolean().map((v) => ['b', v] as const),
  fc.integer({ min: -32768, max: 32767 }).map((v) => ['n', v] as const),
  fc.integer({ min: 0, max: 65535 }).map((v) => ['q', v] as const),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((v) => ['i', v] as const),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((v) => ['u', v] as const),
  fc.bigInt({ min: -(2n ** 63n) + 1n, max: 2n ** 63n - 1n }).map((v) => ['x', v] as const),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((v) => ['t', v] as const),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => ['d', v] as const),
);

type Typed = readonly [string, unknown];
/** A top-level item: a value or a struct of values. */
const item = fc.oneof(
  fixedValue.map((v) => ({ signature: v[0], value: v[1] })),
  fc.array(fixedValue, { minLength: 1, maxLength: 5 }).map((vs: Typed[]) => ({
    signature: `(${vs.map((v) => v[0]).join('')})`,
    value: vs.map((v) => v[1]),
  })),
);
/** A body of fixed-size values, or of anything else the generic reader handles. */
const body = fc.oneof(
  fc.array(item, { minLength: 1, maxLength: 6 }).map((items) => ({
    signature: items.map((i) => i.signature).join(''),
    body: items.map((i) => i.value),
  })),
  fc.constant({ signature: '', body: [] as unknown[] }),
  fc.string({ maxLength: 40 }).map((s) => ({ signature: 's', body: [s] as unknown[] })),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })).map((d) => ({
    signature: 'a{sv}',
    body: [Object.fromEntries(Object.entries(d).map(([k, v]) => [k, new dbus.Variant('u', v)]))],
  })),
);
const name = fc.stringMatching(/^[a-z][a-z0-9]{0,10}(\.[a-z][a-z0-9]{0,10}){1,3}$/);
const member = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,20}$/);
const path = fc.stringMatching(/^(\/[a-z0-9_]{1,8}){0,4}$/).map((p) => p || '/');

/** Signals, method calls, returns and errors with any of their header fields. */
const message = fc
  .record({
    kind: fc.constantFrom('signal', 'call', 'return', 'error'),
    serial: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
    replySerial: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
    flags: fc.integer({ min: 0, max: 7 }),
    path,
    iface: name,
    member,
    errorName: name,
    destination: fc.option(fc.oneof(name, fc.constant(':1.42')), { nil: undefined }),
    sender: fc.option(fc.constant(':1.7'), { nil: undefined }),
    body,
  })
  .map((r) => {
    const type = { call: 1, return: 2, error: 3, signal: 4 }[r.kind];
    const m = new dbus.Message({
      type,
      serial: r.serial,
      flags: r.flags,
      ...(r.kind === 'call' || r.kind === 'signal'
        ? { path: r.path, interface: r.iface, member: r.member }
        : {}),
      ...(r.kind === 'return' || r.kind === 'error'
        ? { replySerial: r.replySerial as unknown as string }
        : {}),
      ...(r.kind === 'error' ? { errorName: r.errorName } : {}),
      ...(r.destination ? { destination: r.destination } : {}),
      ...(r.sender ? { sender: r.sender } : {}),
      signature: r.body.signature,
      body: r.body.body,
    });
    return m;
  });

describe('direct decoding of headers and fixed-size bodies', () => {
  it('gives the message dbus-next’s reader gives, for any message', () => {
    fc.assert(
      fc.property(message, (m) => {
        const bytes = encodeMessage(m);
        expect(fields(decodeMessage(bytes))).toEqual(fields(decodeGeneric(bytes)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads DownloadProgress at the offsets the sandbox writes it', () => {
    const layout = fixedLayout('(tt)(uu)(uuu)(uuut)(uu)(tt)')!;
    expect(layout.bytes).toBe(88);
    expect(fixedValues(layout).map((v) => `${v.type}@${v.offset}`)).toEqual([
      't@0',
      't@8',
      'u@16',
      'u@20',
      'u@24',
      'u@28',
      'u@32',
      'u@40',
      'u@44',
      'u@48',
      't@56',
      'u@64',
      'u@68',
      't@72',
      't@80',
    ]);
  });

  it('has no layout for bodies with anything not fixed-size, or malformed signatures', () => {
    for (const signature of ['s', 'a(uu)', '(us)', 'v', 'h', '(u', 'u)', '()', 'a{sv}', ''])
      expect(fixedLayout(signature), signature).toBeNull();
  });

  it('leaves damaged messages to the generic reader, which reports them', () => {
    fc.assert(
      fc.property(message, fc.nat(), fc.integer({ min: 0, max: 255 }), (m, at, byte) => {
        const bytes = Buffer.from(encodeMessage(m));
        // Keep the framing bytes (endianness, version, lengths) so the damage is inside.
        const i = 16 + (at % Math.max(1, bytes.length - 16));
        bytes[i] = byte;
        let direct: unknown;
        let generic: unknown;
        try {
          direct = fields(decodeMessage(bytes));
        } catch (err) {
          expect(err).toBeInstanceOf(WireError);
          direct = 'error';
        }
        try {
          generic = fields(decodeGeneric(bytes));
        } catch (err) {
          expect(err).toBeInstanceOf(WireError);
          generic = 'error';
        }
        expect(direct).toEqual(generic);
      }),
      { numRuns: 2000 },
    );
  });
});
