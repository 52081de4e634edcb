import { encodeUid } from './sasl-lines.ts';
import type { SaslStep } from './sasl-lines.ts';

const GUID = /^[0-9a-f]{32}$/i;

/**
 * The client half of SASL EXTERNAL, as rpm-ostree's GDBusServer expects it:
 * `\0AUTH EXTERNAL <hex uid>`, then `OK <guid>` → `BEGIN`. No unix-fd
 * negotiation: the transaction socket never passes fds (spikes §2 pitfall 5).
 */
export class SaslClient {
  constructor(
    private readonly uid: number,
    /** The guid from the address, when it has one: the server must prove it. */
    private readonly expectedGuid?: string,
  ) {}

  /** The bytes that open the conversation. */
  opening(): string {
    return `\0AUTH EXTERNAL ${encodeUid(this.uid)}\r\n`;
  }

  /** Reacts to one server line. */
  onLine(line: string): SaslStep {
    const [command = '', ...args] = line.split(' ');
    switch (command) {
      case 'OK': {
        const guid = args[0] ?? '';
        if (!GUID.test(guid)) return fail(`the server's guid '${guid}' is not 32 hex digits`);
        if (this.expectedGuid && this.expectedGuid.toLowerCase() !== guid.toLowerCase())
          return fail(`the server's guid ${guid} differs from the address (${this.expectedGuid})`);
        return { kind: 'done', guid, reply: 'BEGIN' };
      }
      case 'DATA':
        // An empty challenge: EXTERNAL answers with an empty response
        // ("use the credentials the kernel passed").
        return { kind: 'reply', line: 'DATA' };
      case 'REJECTED':
        return fail(`the server rejected EXTERNAL (it offers: ${args.join(' ') || 'nothing'})`);
      case 'ERROR':
        return fail(`the server answered ERROR ${args.join(' ')}`.trim());
      default:
        return fail(`unexpected SASL line '${line.slice(0, 80)}'`);
    }
  }
}

function fail(reason: string): SaslStep {
  return { kind: 'fail', reason: `SASL authentication failed: ${reason}` };
}
