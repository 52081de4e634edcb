import { decodeUid } from './sasl-lines.ts';
import type { SaslStep } from './sasl-lines.ts';

/** The most lines a client may send before BEGIN; GLib needs four. */
const MAX_LINES = 32;

type State = 'waiting-for-auth' | 'waiting-for-data' | 'waiting-for-begin';

/**
 * The server half of the SASL exchange, mirroring a GDBusServer with default
 * flags: EXTERNAL only (ANONYMOUS is refused), `OK <guid>`, and ERROR for
 * NEGOTIATE_UNIX_FD (GLib clients then carry on without fd passing).
 *
 * Node cannot read SO_PEERCRED, so the uid a client claims is taken as
 * given; that matches what a GDBusServer without REQUIRE_SAME_USER allows
 * (any uid), it only cannot check that the claim is true.
 */
export class SaslServer {
  private state: State = 'waiting-for-auth';
  private lines = 0;
  /** The uid the client claimed, once authenticated (undefined for an empty claim). */
  claimedUid: number | undefined;

  constructor(private readonly guid: string) {}

  /** Reacts to one client line. */
  onLine(line: string): SaslStep {
    if (++this.lines > MAX_LINES) return { kind: 'fail', reason: 'too many SASL lines' };
    const [command = '', ...args] = line.split(' ');
    switch (command) {
      case 'AUTH':
        return this.auth(args[0], args[1]);
      case 'DATA':
        if (this.state !== 'waiting-for-data') return error('DATA was not asked for');
        return this.accept(args[0] ?? '');
      case 'BEGIN':
        if (this.state !== 'waiting-for-begin')
          return { kind: 'fail', reason: 'client sent BEGIN before authenticating' };
        return { kind: 'done', guid: this.guid };
      case 'NEGOTIATE_UNIX_FD':
        if (this.state !== 'waiting-for-begin') return error('not authenticated');
        return error('Unix fd passing is not supported');
      case 'CANCEL':
      case 'ERROR':
        this.state = 'waiting-for-auth';
        return rejected();
      default:
        return error('Unknown command');
    }
  }

  private auth(mechanism: string | undefined, initial: string | undefined): SaslStep {
    if (this.state !== 'waiting-for-auth') return error('already authenticating');
    // A bare AUTH asks for the mechanism list (GLib clients start with it).
    if (mechanism !== 'EXTERNAL') return rejected();
    if (initial === undefined) {
      this.state = 'waiting-for-data';
      return { kind: 'reply', line: 'DATA' };
    }
    return this.accept(initial);
  }

  private accept(response: string): SaslStep {
    const uid = response === '' ? undefined : decodeUid(response);
    if (response !== '' && uid === undefined) {
      this.state = 'waiting-for-auth';
      return rejected();
    }
    this.claimedUid = uid;
    this.state = 'waiting-for-begin';
    return { kind: 'reply', line: `OK ${this.guid}` };
  }
}

function rejected(): SaslStep {
  return { kind: 'reply', line: 'REJECTED EXTERNAL' };
}

function error(text: string): SaslStep {
  return { kind: 'reply', line: `ERROR "${text}"` };
}
