import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';

/** A running static HTTP server for the upstream archive repository. */
export interface HttpRemote {
  /** `http://127.0.0.1:<port>/`: the URL the remote points at. */
  readonly url: string;
  /** Changes the per-request delay (ms) from now on. */
  setDelayMs(ms: number): void;
  /** Stops accepting requests and drops open connections. */
  close(): Promise<void>;
}

export interface HttpRemoteOptions {
  /** Delay before answering each request (a slow mirror, for tests that cancel a pull). */
  readonly delayMs?: number;
  /** Port on 127.0.0.1; default 0 = a random free port. */
  readonly port?: number;
  /**
   * Read at every request: when it returns a setting, that many object
   * requests are served from the first request that saw it (or its change),
   * then every further one fails — HTTP 500, or the connection reset before
   * an answer (the `remote-fail-after` fault, sandbox/faults/).
   */
  readonly failAfter?: () => RemoteFailAfter | undefined;
}

/** See HttpRemoteOptions.failAfter. */
export interface RemoteFailAfter {
  readonly objects: number;
  readonly how: 'http-500' | 'reset';
}

/**
 * Serves `root` read-only over HTTP on 127.0.0.1 (GET and HEAD, 404 for
 * anything missing, no directory listings): what an ostree mirror is. Unlike
 * a `file://` remote, libostree fetches over HTTP object by object, so pulls
 * report real progress (spikes §7).
 */
export function startHttpRemote(
  root: string,
  options: HttpRemoteOptions = {},
): Promise<HttpRemote> {
  const base = normalize(root);
  let delayMs = options.delayMs ?? 0;
  let failing: { setting: string; served: number } | null = null;
  /** The remote-fail-after fault when it fails this request, else null. */
  const failsNow = (path: string): RemoteFailAfter | null => {
    const fault = options.failAfter?.();
    if (!fault) failing = null;
    if (!fault || !path.startsWith('/objects/')) return null;
    const setting = JSON.stringify(fault);
    if (failing?.setting !== setting) failing = { setting, served: 0 };
    return ++failing.served > fault.objects ? fault : null;
  };
  const server = createServer((req, res) => {
    const send = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const fault = failsNow(path);
      if (fault?.how === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault) {
        res.writeHead(500).end();
        return;
      }
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      const st = await stat(file).catch(() => null);
      if (!st?.isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-length': st.size,
        'content-type': 'application/octet-stream',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    };
    const run = () =>
      send().catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    if (delayMs > 0) setTimeout(() => void run(), delayMs);
    else void run();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        setDelayMs: (ms) => {
          delayMs = ms;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
