import type { Readable, Writable } from 'node:stream';
import type { UserUpdatePolicy } from '../contract/desktop.ts';
import type { Result } from '../contract/domain.ts';
import {
  encodeHelperHello,
  encodeHelperReply,
  HELPER_MAX_LINE_BYTES,
  parseHelperRequest,
} from '../contract/helper-protocol.ts';
import type { HelperReply, HelperRequest, PinParams } from '../contract/helper-protocol.ts';
import type { Logger } from '../logger.ts';
import { LineSplitter } from './line-splitter.ts';

/** The only things the helper does; each gets arguments the schema has already checked. */
export interface HelperActions {
  pin(params: PinParams): Promise<Result<null>>;
  setAutomaticUpdatePolicy(policy: UserUpdatePolicy): Promise<Result<null>>;
}

/**
 * Serves the protocol: a hello line, then one reply per request line, one
 * request at a time and in order (privileged changes never overlap). A bad
 * line gets an error reply and the helper keeps serving. Resolves when
 * `input` has ended and the last reply is written.
 */
export function serveHelper(
  input: Readable,
  output: Writable,
  actions: HelperActions,
  log: Logger,
): Promise<void> {
  const splitter = new LineSplitter(HELPER_MAX_LINE_BYTES);
  let queue = Promise.resolve();
  const write = (text: string) =>
    new Promise<void>((resolve) => {
      if (output.writableEnded || output.destroyed) resolve();
      else output.write(text, () => resolve());
    });
  const answer = (reply: HelperReply) => write(encodeHelperReply(reply));
  const enqueue = (job: () => Promise<void>) => {
    queue = queue.then(job).catch((err: unknown) => log.error(`reply failed: ${String(err)}`));
  };

  const handleLine = async (line: string) => {
    if (line.trim() === '') return;
    const parsed = parseHelperRequest(line);
    if (!parsed.ok) {
      log.warn(
        `refused request${parsed.id === null ? '' : ` ${parsed.id}`}: ${parsed.error.message}`,
      );
      await answer({ id: parsed.id, ok: false, error: parsed.error });
      return;
    }
    const { request } = parsed;
    log.info(`request ${request.id}: ${describe(request)}`);
    const result = await perform(request, actions).catch((err: unknown): Result<null> => ({
      ok: false,
      error: {
        kind: 'transaction-failed',
        message: err instanceof Error ? err.message : String(err),
      },
    }));
    if (result.ok) log.info(`request ${request.id}: done`);
    else log.warn(`request ${request.id}: ${result.error.kind}: ${result.error.message}`);
    await answer(
      result.ok
        ? { id: request.id, ok: true }
        : {
            id: request.id,
            ok: false,
            error: { kind: result.error.kind, message: result.error.message },
          },
    );
  };

  const onEvents = (events: ReturnType<LineSplitter['push']>) => {
    for (const event of events)
      if (event.kind === 'line') enqueue(() => handleLine(event.line));
      else
        enqueue(() =>
          answer({
            id: null,
            ok: false,
            error: {
              kind: 'invalid-input',
              message: `Request longer than ${HELPER_MAX_LINE_BYTES} bytes (${event.bytes})`,
            },
          }),
        );
  };

  enqueue(() => write(encodeHelperHello()));
  return new Promise((resolve) => {
    input.on('data', (chunk: Buffer | string) =>
      onEvents(splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)),
    );
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      onEvents(splitter.end());
      void queue.then(() => resolve());
    };
    input.once('end', finish);
    input.once('close', finish);
    input.once('error', (err) => {
      log.error(`input: ${err.message}`);
      finish();
    });
  });
}

function perform(request: HelperRequest, actions: HelperActions): Promise<Result<null>> {
  switch (request.method) {
    case 'pin':
      return actions.pin(request.params);
    case 'set-automatic-update-policy':
      return actions.setAutomaticUpdatePolicy(request.params.policy);
  }
}

function describe(request: HelperRequest): string {
  switch (request.method) {
    case 'pin': {
      const p = request.params;
      return `${p.pinned ? 'pin' : 'unpin'} ${p.index} (${p.osname} ${p.checksum}.${p.serial})`;
    }
    case 'set-automatic-update-policy':
      return `AutomaticUpdatePolicy=${request.params.policy}`;
  }
}
