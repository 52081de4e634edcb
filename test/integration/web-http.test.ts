import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../daemon-bridge/logger.ts';
import type { Logger } from '../../daemon-bridge/logger.ts';
import { webCsp } from '../../daemon-bridge/web/csp.ts';
import { startWebServer } from '../../daemon-bridge/web/server.ts';
import type { WebServer } from '../../daemon-bridge/web/server.ts';
import { tempDir } from '../support/temp-dir.ts';
import { fakeHandler, httpGet } from '../unit/web/web-kit.ts';
import { reliabilityTally } from '../support/reliability/ledger.ts';

const refused = reliabilityTally(
  'web-mode',
  'HTTP requests without the token, with a foreign Host, or for files outside the app',
);
afterAll(() => refused.flush());

const TOKEN = 'a'.repeat(64);
const dir = tempDir('web-http');
const logged: string[] = [];
const log: Logger = { ...silentLogger, warn: (m) => logged.push(m), info: (m) => logged.push(m) };
let server: WebServer;

beforeAll(async () => {
  const root = join(dir.path, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, '.env'), 'SECRET');
  writeFileSync(join(dir.path, 'secret.txt'), 'SECRET');
  symlinkSync(join(dir.path, 'secret.txt'), join(root, 'assets', 'link.txt'));
  server = await startWebServer({ handler: fakeHandler(), rendererDir: root, token: TOKEN, log });
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

const cookie = () => `oum_token_${server.port}=${TOKEN}`;

describe('web mode over HTTP', () => {
  it('listens on 127.0.0.1 and reports a URL without the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.token).toBe(TOKEN);
  });

  it('generates a 32-byte hex token when none is given', async () => {
    const other = await startWebServer({ handler: fakeHandler(), rendererDir: dir.path, log });
    await other.close();
    expect(other.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves index.html for / with the token, sets the cookie and the security headers', async () => {
    const reply = await httpGet(server.port, `/?token=${TOKEN}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>app</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['set-cookie']).toEqual([
      `oum_token_${server.port}=${TOKEN}; Path=/; HttpOnly; SameSite=Strict`,
    ]);
    expect(reply.headers).toMatchObject({
      'content-security-policy': webCsp(server.port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    expect(webCsp(server.port)).toContain(`connect-src ws://127.0.0.1:${server.port}`);
    expect(webCsp(server.port)).toContain("frame-ancestors 'none'");
  });

  it('serves assets to the cookie with their content types', async () => {
    const js = await httpGet(server.port, '/assets/app.js', { cookie: cookie() });
    const css = await httpGet(server.port, '/assets/app.css', { cookie: cookie() });
    expect([js.status, js.headers['content-type'], js.body]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'console.log(1);',
    ]);
    expect([css.status, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    expect(js.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['no token', '/', {}],
    ['a wrong token', `/?token=${'b'.repeat(64)}`, {}],
    ['a token prefix', `/?token=${TOKEN.slice(0, 10)}`, {}],
    ['an empty token', '/?token=', {}],
    ['a wrong cookie', '/assets/app.js', { cookie: `oum_token_${1}=${TOKEN}` }],
  ])('refuses %s with 403', async (_what, path, headers: Record<string, string>) => {
    const reply = await httpGet(server.port, path, headers);
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('<title>');
    expect(reply.headers['content-security-policy']).toBe(webCsp(server.port));
    refused.count();
  });

  it.each(['evil.example', `evil.example:${1}`, '127.0.0.1', '127.0.0.1:1', 'localhost'])(
    'refuses Host %s even with the right token (DNS rebinding)',
    async (host) => {
      const reply = await httpGet(server.port, `/?token=${TOKEN}`, { host });
      expect(reply.status).toBe(403);
      refused.count();
    },
  );

  it('accepts localhost:<port> as Host', async () => {
    const reply = await httpGet(server.port, `/?token=${TOKEN}`, {
      host: `localhost:${server.port}`,
    });
    expect(reply.status).toBe(200);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/%00index.html',
    '/%zz',
    '/.env',
    '/assets/link.txt',
    '/assets',
    '/missing.js',
    'http://evil.example/index.html',
  ])('does not serve %s', async (path) => {
    const reply = await httpGet(server.port, path, { cookie: cookie() });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('SECRET');
    refused.count();
  });

  it('answers only GET and HEAD', async () => {
    const post = await httpGet(server.port, `/?token=${TOKEN}`, {}, 'POST');
    const head = await httpGet(server.port, `/?token=${TOKEN}`, {}, 'HEAD');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('never logs the token', () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toContain(TOKEN);
    expect(logged.join('\n')).not.toContain(TOKEN.slice(0, 10));
  });
});
