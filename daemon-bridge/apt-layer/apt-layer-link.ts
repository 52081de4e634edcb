import type { MessageBus } from 'dbus-next';
import type { PackageSearchHit } from '../contract/packages.ts';
import type { PackageChange, UpdateChanges } from '../contract/updates.ts';
import type { DaemonPort, FollowHandlers } from '../daemon-port.ts';
import { getNameOwner, listActivatableNames, watchNameOwner } from '../dbus/bus-driver.ts';
import { DBusCallError, LOCAL_DISCONNECTED } from '../dbus/call.ts';
import { subscribeSignal } from '../dbus/signals.ts';
import { DBUS_ERRORS, isUnavailable } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { TransactionRequest } from '../requests.ts';
import type { TransactionOutcome } from '../rpm-ostree/transaction/index.ts';
import { ParseError } from '../rpm-ostree/vardict.ts';
import type { CachedDiff } from '../rpm-ostree/verbs/rpm-diffs.ts';
import { login1Reboot } from '../system/login1-reboot.ts';
import { callStart, callStatus } from './calls.ts';
import type { AptLayerLinkEvent } from './link-events.ts';
import type { AptLayerStatus } from './parse-status.ts';
import { toSystemState } from './parse-status.ts';
import { followTransaction } from './follow-transaction.ts';
import { isTerminal, parseProgressSignal } from './progress-events.ts';
import type { ProgressSignal } from './progress-events.ts';
import { ProgressHub } from './progress-hub.ts';
import {
  APT_LAYER_BUS_NAME,
  APT_LAYER_INTERFACE,
  APT_LAYER_OBJECT_PATH,
  addressOf,
  transactionIdOf,
} from './protocol.ts';
import { aptLayerCall, NotAvailableError } from './request-calls.ts';

export interface AptLayerLinkOptions {
  /** Reboots into the default deployment; logind on a real system. */
  readonly rebooter?: (bus: MessageBus) => Promise<void>;
  /** Wall-clock time for SystemState.readAt. */
  readonly now?: () => number;
}

/**
 * Follows an apt-layer daemon on one bus connection and serves the manager
 * as its DaemonPort. apt-layer has no change signal: the link reads Status()
 * when it starts, when the daemon's owner changes, after every transaction
 * (its own and, seen through TransactionProgress, anyone else's) and on
 * refresh. Everything apt-layer's API lacks is refused with
 * NotAvailableError, never approximated.
 */
export class AptLayerLink implements DaemonPort {
  private readonly hub = new ProgressHub();
  private readonly titles = new Map<string, string>();
  private readonly rebooter: (bus: MessageBus) => Promise<void>;
  private readonly now: () => number;
  private unsubscribers: (() => Promise<void>)[] = [];
  private status: AptLayerStatus | null = null;
  private activatable = false;
  /** Status reads issued so far; each read's number orders it. */
  private issued = 0;
  /** The newest read in effect: an older reply never replaces a newer one (or a `gone`). */
  private shown = 0;
  private reading: Promise<unknown> | null = null;
  private readAgain = false;
  private closed = false;

  constructor(
    private readonly bus: MessageBus,
    private readonly emit: (event: AptLayerLinkEvent) => void,
    private readonly log: Logger,
    options: AptLayerLinkOptions = {},
  ) {
    this.rebooter = options.rebooter ?? login1Reboot;
    this.now = options.now ?? Date.now;
  }

  async open(): Promise<void> {
    this.unsubscribers.push(
      await watchNameOwner(this.bus, APT_LAYER_BUS_NAME, (owner) => this.ownerChanged(owner)),
      await subscribeSignal(
        this.bus,
        {
          sender: APT_LAYER_BUS_NAME,
          path: APT_LAYER_OBJECT_PATH,
          interface: APT_LAYER_INTERFACE,
          member: 'TransactionProgress',
        },
        (body) => this.progressSignal(body),
      ),
    );
    this.activatable = (await listActivatableNames(this.bus)).includes(APT_LAYER_BUS_NAME);
    const owner = await getNameOwner(this.bus, APT_LAYER_BUS_NAME);
    if (owner || this.activatable) await this.attach();
    else this.emit({ kind: 'absent' });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.shown = this.issued;
    this.hub.loseAll(() => vanished('the app stopped following it'));
    this.hub.clear();
    await Promise.all(this.unsubscribers.map((u) => u()));
  }

  /** Status() again; the new state is emitted before this resolves. */
  refresh(): Promise<AptLayerStatus> {
    return this.read();
  }

  async start(request: TransactionRequest): Promise<string> {
    const call = aptLayerCall(request);
    let id: string;
    try {
      id = await callStart(this.bus, call);
    } catch (err) {
      // Someone else's transaction: show it while this request waits.
      if (err instanceof DBusCallError && err.errorName === DBUS_ERRORS.busy) this.readSoon();
      throw err;
    }
    this.titles.set(id, title(call.method, 'packages' in call ? call.packages : []));
    return addressOf(id);
  }

  follow(
    address: string,
    how: 'run' | 'attach',
    handlers: FollowHandlers,
  ): Promise<TransactionOutcome> {
    const id = transactionIdOf(address);
    if (id === null)
      return Promise.reject(
        new DBusCallError(
          DBUS_ERRORS.invalidArgs,
          `Not an apt-layer transaction: ${JSON.stringify(address)}`,
          'TransactionProgress',
        ),
      );
    const running = this.status?.transaction;
    const info = {
      title:
        this.titles.get(id) ??
        (running?.id === id ? title(running.operation, running.packages) : ''),
      initiator: running?.id === id ? running.initiator : '',
    };
    this.titles.delete(id);
    handlers.onInfo(info);
    return followTransaction({
      hub: this.hub,
      id,
      info,
      how,
      handlers,
      // A transaction that ended before we listened shows as "not running" in Status.
      listening: () => this.readSoon(),
      warn: (message) => this.log.warn(message),
    });
  }

  cancel(_address: string): Promise<void> {
    return Promise.reject(new NotAvailableError('cancel', 'Cancel'));
  }

  /** apt-layer's Status has no cached update, so there are no rows to give. */
  updateChanges(): Promise<UpdateChanges | null> {
    return Promise.resolve(null);
  }

  compare(_fromId: string, _toId: string): Promise<readonly PackageChange[]> {
    return Promise.reject(new NotAvailableError('package-diff', 'compare'));
  }

  cachedDeployDiff(_revision: string): Promise<CachedDiff> {
    return Promise.reject(new NotAvailableError('deploy-version', 'cachedDeployDiff'));
  }

  searchPackages(_terms: readonly string[]): Promise<readonly PackageSearchHit[]> {
    return Promise.reject(new NotAvailableError('search-packages', 'Search'));
  }

  async reboot(): Promise<void> {
    await this.rebooter(this.bus);
    // On a real system this process ends with the reboot; the sandbox's keeps running.
    await this.refresh().catch(() => undefined);
  }

  private ownerChanged(owner: string | null): void {
    if (this.closed) return;
    this.log.info(`${APT_LAYER_BUS_NAME} owner is now ${owner ?? '(none)'}`);
    if (owner) {
      void this.attach();
      return;
    }
    this.hub.loseAll(() => vanished('the daemon left the bus'));
    // An activatable daemon comes back on the next call; the last state stays true meanwhile.
    if (!this.activatable) {
      this.shown = this.issued;
      this.emit({ kind: 'gone' });
    }
  }

  private async attach(): Promise<void> {
    const seq = this.issued + 1;
    try {
      await this.read();
    } catch (err) {
      if (this.closed || this.shown >= seq || err instanceof ParseError) return;
      this.shown = seq;
      if (isUnavailable(err)) this.emit({ kind: this.status ? 'gone' : 'absent' });
      else this.emit({ kind: 'failed', error: err });
    }
  }

  /**
   * One Status() read. Its state is emitted before it resolves, unless a
   * read issued later has already been emitted (that one is newer).
   */
  private async read(): Promise<AptLayerStatus> {
    const seq = ++this.issued;
    const mark = this.hub.mark;
    let status: AptLayerStatus;
    try {
      status = await callStatus(this.bus);
    } catch (err) {
      // A malformed reply is the daemon's fault and is shown, not swallowed.
      if (err instanceof ParseError && !this.closed && seq > this.shown) {
        this.shown = seq;
        this.emit({ kind: 'failed', error: err });
      }
      throw err;
    }
    this.hub.settle(
      status.transaction?.id ?? null,
      mark,
      (id) =>
        new ParseError(
          'TransactionProgress',
          `transaction ${id} is over but its final signal (progress 100 or -1) never came`,
        ),
    );
    if (seq > this.shown && !this.closed) {
      this.shown = seq;
      this.status = status;
      this.emit({ kind: 'system', system: toSystemState(status, this.now()) });
    }
    return status;
  }

  /** A read soon, coalesced: at most one in flight and one more after it. */
  private readSoon(): void {
    if (this.closed) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.read()
      .catch((err: unknown) => {
        if (!(err instanceof ParseError)) this.log.warn(`Status() failed: ${String(err)}`);
      })
      .finally(() => {
        this.reading = null;
        if (this.readAgain) {
          this.readAgain = false;
          this.readSoon();
        }
      });
  }

  private progressSignal(body: readonly unknown[]): void {
    if (this.closed) return;
    let signal: ProgressSignal;
    try {
      signal = parseProgressSignal(body);
    } catch (err) {
      this.log.warn(`Ignoring a malformed TransactionProgress: ${String(err)}`);
      if (err instanceof ParseError && typeof body[0] === 'string')
        this.hub.pushError(body[0], err);
      return;
    }
    const known =
      this.hub.isFollowed(signal.id) ||
      this.titles.has(signal.id) ||
      this.status?.transaction?.id === signal.id;
    this.hub.push(signal);
    // The state changes at a transaction's end, and someone else's start is news too.
    if (isTerminal(signal) || !known) this.readSoon();
  }
}

function title(operation: string, packages: readonly string[]): string {
  return [operation.toLowerCase(), ...packages].join(' ');
}

function vanished(why: string): DBusCallError {
  return new DBusCallError(
    LOCAL_DISCONNECTED,
    `The apt-layer transaction's outcome is unknown: ${why} before it finished.`,
    'TransactionProgress',
  );
}
