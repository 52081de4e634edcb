import * as dbus from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { parseTransactionSignal } from '../../../daemon-bridge/rpm-ostree/transaction/parse-signal.ts';
import { ParseError } from '../../../daemon-bridge/rpm-ostree/vardict.ts';

const download = [
  [1n, 2n],
  [3, 4],
  [5, 6, 7],
  [8, 9, 10, 11n],
  [12, 13],
  [14n, 15n],
];

function parseErrorOf(member: string, signature: string, body: unknown[]): ParseError {
  try {
    parseTransactionSignal({ member, signature, body });
  } catch (err) {
    if (err instanceof ParseError) return err;
    throw err;
  }
  throw new Error(`${member} parsed without error`);
}

describe('parseTransactionSignal: malformed bodies are ParseErrors naming the spot', () => {
  const dl = '(tt)(uu)(uuu)(uuut)(uu)(tt)';
  it.each<{
    what: string;
    member: string;
    signature: string;
    body: unknown[];
    key: string;
    reason: RegExp;
  }>([
    {
      what: 'wrong signature',
      member: 'Message',
      signature: 'u',
      body: [1],
      key: 'Transaction.Message',
      reason: /expected signature 's', got 'u'/,
    },
    {
      what: 'number for a string',
      member: 'Message',
      signature: 's',
      body: [7],
      key: 'Transaction.Message[0]',
      reason: /expected a string, got 7/,
    },
    {
      what: 'string for a boolean',
      member: 'Finished',
      signature: 'bs',
      body: ['yes', ''],
      key: 'Transaction.Finished[0]',
      reason: /expected a boolean/,
    },
    {
      what: 'missing member',
      member: 'Finished',
      signature: 'bs',
      body: [true],
      key: 'Transaction.Finished[1]',
      reason: /expected a string, got nothing/,
    },
    {
      what: 'negative u',
      member: 'PercentProgress',
      signature: 'su',
      body: ['x', -1],
      key: 'Transaction.PercentProgress[1]',
      reason: /unsigned 32-bit/,
    },
    {
      what: 'fractional u',
      member: 'PercentProgress',
      signature: 'su',
      body: ['x', 1.5],
      key: 'Transaction.PercentProgress[1]',
      reason: /unsigned 32-bit/,
    },
    {
      what: 'body on an empty signal',
      member: 'ProgressEnd',
      signature: 's',
      body: ['x'],
      key: 'Transaction.ProgressEnd',
      reason: /expected signature ''/,
    },
    {
      what: 'short tuple',
      member: 'DownloadProgress',
      signature: dl,
      body: [
        [1n, 2n],
        [3, 4],
        [5, 6],
        [8, 9, 10, 11n],
        [12, 13],
        [14n, 15n],
      ],
      key: 'Transaction.DownloadProgress[2]',
      reason: /expected 3 members, got 2/,
    },
    {
      what: 't beyond 2^53',
      member: 'DownloadProgress',
      signature: dl,
      body: [
        [1n, 2n],
        [3, 4],
        [5, 6, 7],
        [8, 9, 10, 2n ** 60n],
        [12, 13],
        [14n, 15n],
      ],
      key: 'Transaction.DownloadProgress[3][3]',
      reason: /beyond the range a number holds exactly/,
    },
    {
      what: 'BigInt for a u',
      member: 'DownloadProgress',
      signature: dl,
      body: [[1n, 2n], [3n, 4], ...download.slice(2)],
      key: 'Transaction.DownloadProgress[1][0]',
      reason: /unsigned 32-bit integer, got 3n/,
    },
    {
      what: 'negative t',
      member: 'DownloadProgress',
      signature: dl,
      body: [[-1n, 2n], ...download.slice(1)],
      key: 'Transaction.DownloadProgress[0][0]',
      reason: /unsigned value/,
    },
    {
      what: 'not an array of variants',
      member: 'SignatureProgress',
      signature: 'avs',
      body: ['nope', 'c'],
      key: 'Transaction.SignatureProgress[0]',
      reason: /array/,
    },
    {
      what: 'element not a variant',
      member: 'SignatureProgress',
      signature: 'avs',
      body: [[['not', 'a', 'variant']], 'c'],
      key: 'Transaction.SignatureProgress[0][0]',
      reason: /expected a variant/,
    },
    {
      what: '12-field signature tuple',
      member: 'SignatureProgress',
      signature: 'avs',
      body: [[new dbus.Variant('(bbbbbsxxssss)', Array(12).fill(false))], 'c'],
      key: 'Transaction.SignatureProgress[0][0].value',
      reason: /at least 13 members, got 12/,
    },
  ])('$member: $what → $key', ({ member, signature, body, key, reason }) => {
    const err = parseErrorOf(member, signature, body);
    expect(err.key).toBe(key);
    expect(err.message).toMatch(reason);
  });
});
