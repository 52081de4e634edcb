import type { Message, MessageBus } from 'dbus-next';
import { callMethod } from './call.ts';

export interface SignalRule {
  /** A well-known name matches whichever unique name owns it when the signal is sent. */
  readonly sender?: string;
  readonly path?: string;
  readonly interface: string;
  readonly member: string;
  readonly arg0?: string;
}

const SIGNAL = 4; // dbus-next's MessageType.SIGNAL at runtime; the d.ts enum carries no values

function ruleString(rule: SignalRule): string {
  const quote = (v: string) => `'${v.replace(/'/g, "'\\''")}'`;
  const parts = [
    `type='signal'`,
    `interface=${quote(rule.interface)}`,
    `member=${quote(rule.member)}`,
  ];
  if (rule.sender) parts.push(`sender=${quote(rule.sender)}`);
  if (rule.path) parts.push(`path=${quote(rule.path)}`);
  if (rule.arg0 !== undefined) parts.push(`arg0=${quote(rule.arg0)}`);
  return parts.join(',');
}

/**
 * Subscribes to one signal: AddMatch on the bus, then a filter on incoming
 * messages. The AddMatch reply is awaited so a caller can rely on signals
 * sent after this resolves. Returns the unsubscribe function.
 */
export async function subscribeSignal(
  bus: MessageBus,
  rule: SignalRule,
  handler: (body: readonly unknown[], message: Message) => void,
): Promise<() => Promise<void>> {
  const match = ruleString(rule);
  const onMessage = (msg: Message) => {
    if ((msg.type as number) !== SIGNAL) return;
    if (msg.interface !== rule.interface || msg.member !== rule.member) return;
    if (rule.path && msg.path !== rule.path) return;
    handler(msg.body as readonly unknown[], msg);
  };
  bus.on('message', onMessage);
  await matchCall(bus, 'AddMatch', match);
  return async () => {
    bus.off('message', onMessage);
    await matchCall(bus, 'RemoveMatch', match).catch(() => undefined);
  };
}

/** AddMatch / RemoveMatch on the bus driver. */
function matchCall(
  bus: MessageBus,
  member: 'AddMatch' | 'RemoveMatch',
  match: string,
): Promise<readonly unknown[]> {
  return callMethod(bus, {
    destination: 'org.freedesktop.DBus',
    path: '/org/freedesktop/DBus',
    interface: 'org.freedesktop.DBus',
    member,
    signature: 's',
    body: [match],
    timeoutMs: 25_000,
  });
}
