/**
 * A transaction peer that breaks the protocol: malformed progress signals
 * and properties are skipped and reported, a malformed Finished or Start
 * reply is a ParseError — and the connection is closed either way.
 */
import * as dbus from 'dbus-next';
import type { Message } from 'dbus-next';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPeerServer } from '../../daemon-bridge/dbus/p2p/index.ts';
import type { PeerConnection, PeerServer } from '../../daemon-bridge/dbus/p2p/index.ts';
import { interfaces, RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { runTransaction } from '../../daemon-bridge/rpm-ostree/transaction/index.ts';
import type { TransactionEvent } from '../../daemon-bridge/rpm-ostree/transaction/index.ts';
import { ParseError } from '../../daemon-bridge/rpm-ostree/vardict.ts';
import { tempDir } from '../support/temp-dir.ts';

const IFACE = interfaces(RPM_OSTREE).transaction;
const dir = tempDir('p2p-proto');
const servers: PeerServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  dir.remove();
});

type Signal = readonly [member: string, signature: string, body: unknown[]];

/** A low-level peer: answers Get and Start itself and then plays `signals`. */
async function brokenServer(
  name: string,
  opts: { title: dbus.Variant; startReply: [string, unknown[]]; signals: readonly Signal[] },
) {
  const closed: Promise<unknown>[] = [];
  const server = await createPeerServer(join(dir.path, name), (peer: PeerConnection) => {
    closed.push(peer.closed);
    peer.bus.addMethodHandler((msg: Message) => {
      const reply = (signature: string, body: unknown[]) =>
        peer.bus.send(dbus.Message.newMethodReturn(msg, signature, body));
      if (msg.member === 'Get')
        reply('v', [msg.body[1] === 'Title' ? opts.title : new dbus.Variant('s', 'x')]);
      else if (msg.member === 'Start') {
        reply(...opts.startReply);
        for (const [member, signature, body] of opts.signals)
          peer.bus.send(dbus.Message.newSignal('/', IFACE, member, signature, body));
      } else return false;
      return true;
    });
  });
  servers.push(server);
  return { address: server.address, closed };
}

describe('protocol errors on a transaction connection', () => {
  it('skips and reports malformed progress signals and properties, then finishes', async () => {
    const { address, closed } = await brokenServer('skips.sock', {
      title: new dbus.Variant('u', 42),
      startReply: ['b', [true]],
      signals: [
        ['PercentProgress', 's', ['no percentage']],
        [
          'DownloadProgress',
          '(tt)(uu)',
          [
            [1n, 2n],
            [3, 4],
          ],
        ],
        ['TaskBegin', 's', ['fine']],
        ['SomethingNew', 's', ['ignored']],
        ['Finished', 'bs', [true, '']],
      ],
    });
    const events: TransactionEvent[] = [];
    const outcome = await runTransaction(address, {
      profile: RPM_OSTREE,
      onEvent: (e) => events.push(e),
    });
    expect(events).toEqual([
      { kind: 'task-begin', text: 'fine' },
      { kind: 'finished', success: true, message: '' },
    ]);
    expect([outcome.title, outcome.success]).toEqual(['', true]);
    expect(outcome.protocolErrors.map((e) => e.key)).toEqual([
      'Transaction.Title',
      'Transaction.PercentProgress',
      'Transaction.DownloadProgress',
    ]);
    await Promise.all(closed);
  });

  it('a malformed Finished rejects with a ParseError and closes the connection', async () => {
    const { address, closed } = await brokenServer('finished.sock', {
      title: new dbus.Variant('s', 't'),
      startReply: ['b', [true]],
      signals: [['Finished', 's', ['success?']]],
    });
    const err: unknown = await runTransaction(address, {
      profile: RPM_OSTREE,
      onEvent: () => undefined,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).key).toBe('Transaction.Finished');
    await Promise.all(closed);
  });

  it('a Start reply that is not a boolean is a ParseError', async () => {
    const { address } = await brokenServer('start.sock', {
      title: new dbus.Variant('s', 't'),
      startReply: ['s', ['yes']],
      signals: [],
    });
    await expect(
      runTransaction(address, { profile: RPM_OSTREE, onEvent: () => undefined }),
    ).rejects.toThrow(/Transaction\.Start reply.*expected a boolean/);
  });
});
