/**
 * A small Transaction-like service for the p2p integration tests, served
 * with createPeerServer. It emits the signal sequence of a real rpm-ostree
 * pull (the same one test/support/glib/txn-server.py emits) and follows the
 * reference §7 rules: Start true once, then false; a late Start re-emits
 * Finished to that connection only; Cancel ends a running transaction.
 * Run directly (`tsx p2p-txn-fixture.ts <dir> <name>=<scenario>…`) it is a
 * separate server process with one socket per name: it prints
 * `READY <name> <address>` for each, and `CALL <name> Start:true` etc.
 */
import * as dbus from 'dbus-next';
import { join } from 'node:path';
import { createPeerServer } from '../../daemon-bridge/dbus/p2p/index.ts';
import type { PeerConnection, PeerServer } from '../../daemon-bridge/dbus/p2p/index.ts';
import { interfaces, RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { DEMO, demoSteps } from './p2p-txn-steps.ts';
import type { Scenario, Step } from './p2p-txn-steps.ts';

const { Interface } = dbus.interface;
const IFACE = interfaces(RPM_OSTREE).transaction;

/** The shared transaction state; one PeerTransaction per connection relays it. */
export class DemoTransaction {
  private readonly peers = new Set<PeerTransaction>();
  private started = false;
  private cancelled = false;
  finished: readonly [boolean, string] | undefined;
  /** Log of Start/Cancel calls, for assertions. */
  readonly calls: string[] = [];

  constructor(
    readonly scenario: Scenario,
    private readonly log: (call: string) => void = () => undefined,
  ) {}

  /** Exports a per-connection interface at `/` (synchronously, see createPeerServer). */
  attach(peer: PeerConnection): void {
    const iface = new PeerTransaction(this);
    this.peers.add(iface);
    peer.bus.export('/', iface);
    void peer.closed.then(() => this.peers.delete(iface));
  }

  start(caller: PeerTransaction): boolean {
    this.record(`Start:${this.started ? 'false' : 'true'}`);
    if (this.started) {
      const done = this.finished;
      // Real daemon: re-emit Finished to the late caller only, after the reply.
      if (done) setImmediate(() => caller.Finished(...done));
      return false;
    }
    this.started = true;
    this.play(demoSteps(this.scenario));
    return true;
  }

  cancel(): void {
    this.record('Cancel');
    this.cancelled = true;
  }

  private record(call: string): void {
    this.calls.push(call);
    this.log(call);
  }

  private play(steps: readonly Step[]): void {
    const [step, ...rest] = steps;
    if (!step) return;
    setTimeout(() => {
      if (step.name === 'loop-until-cancelled') {
        if (!this.cancelled) {
          this.broadcast({ name: 'PercentProgress', args: ['Downloading', 50] });
          return this.play(steps);
        }
        return this.play(rest);
      }
      if (step.name === 'hang') return;
      this.broadcast(step);
      this.play(rest);
    }, 5);
  }

  private broadcast(step: Step): void {
    if (step.name === 'Finished') this.finished = step.args as [boolean, string];
    for (const peer of this.peers) peer.emitStep(step);
  }
}

/** Signals are methods whose return value is the body (dbus-next, no decorators). */
class PeerTransaction extends Interface {
  constructor(private readonly txn: DemoTransaction) {
    super(IFACE);
  }
  get Title(): string {
    return DEMO.title;
  }
  get InitiatingClientDescription(): string {
    return DEMO.initiator;
  }
  Start(): boolean {
    return this.txn.start(this);
  }
  Cancel(): void {
    this.txn.cancel();
  }
  emitStep(step: Step): void {
    const emit = (this as unknown as Record<string, (...args: unknown[]) => unknown>)[step.name];
    emit?.apply(this, [...step.args]);
  }
  Finished(success: boolean, message: string) {
    return [success, message];
  }
  Message(text: string) {
    return text;
  }
  TaskBegin(text: string) {
    return text;
  }
  TaskEnd(text: string) {
    return text;
  }
  PercentProgress(text: string, percentage: number) {
    return [text, percentage];
  }
  DownloadProgress(...tuples: unknown[]) {
    return tuples;
  }
  SignatureProgress(signatures: unknown[], commit: string) {
    return [signatures, commit];
  }
  ProgressEnd() {
    return undefined;
  }
}
PeerTransaction.configureMembers({
  properties: {
    Title: { signature: 's', access: 'read' },
    InitiatingClientDescription: { signature: 's', access: 'read' },
  },
  methods: { Start: { outSignature: 'b' }, Cancel: {} },
  signals: {
    Finished: { signature: 'bs' },
    Message: { signature: 's' },
    TaskBegin: { signature: 's' },
    TaskEnd: { signature: 's' },
    PercentProgress: { signature: 'su' },
    DownloadProgress: { signature: '(tt)(uu)(uuu)(uuut)(uu)(tt)' },
    SignatureProgress: { signature: 'avs' },
    ProgressEnd: { signature: '' },
  },
});

/** A peer server running one demo transaction. */
export async function startDemoServer(
  socketPath: string,
  scenario: Scenario,
  log?: (call: string) => void,
): Promise<{ server: PeerServer; txn: DemoTransaction }> {
  const txn = new DemoTransaction(scenario, log);
  const server = await createPeerServer(socketPath, (peer) => txn.attach(peer));
  return { server, txn };
}

if (process.argv[1] === import.meta.filename) {
  const [dir = '.', ...specs] = process.argv.slice(2);
  const servers: PeerServer[] = [];
  for (const spec of specs) {
    const [name = '', scenario] = spec.split('=') as [string, Scenario];
    const say = (line: string) => process.stdout.write(`${line}\n`);
    const { server } = await startDemoServer(join(dir, `${name}.sock`), scenario, (call) =>
      say(`CALL ${name} ${call}`),
    );
    servers.push(server);
    say(`READY ${name} ${server.address}`);
  }
  process.on('SIGTERM', () => {
    void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0));
  });
}
