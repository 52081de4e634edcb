import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ELECTRON_CSP } from '../../../daemon-bridge/web/csp.ts';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  isAppUrl,
  rendererProtocolHandler,
} from '../../../electron/app-protocol.ts';
import { tempDir } from '../../support/temp-dir.ts';

vi.mock('electron', () => {
  throw new Error('app-protocol.ts must not load Electron');
});

const dir = tempDir('app-protocol');
const root = join(dir.path, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'a.js'), 'x');
writeFileSync(join(dir.path, 'secret.txt'), 'SECRET');
afterAll(() => dir.remove());

const serve = rendererProtocolHandler(root);

describe('app:// protocol', () => {
  it('is a standard, secure scheme that does not bypass CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });

  it('recognises only our own bundle', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://bundle/assets/a.js')).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'file:///index.html',
      'https://bundle/',
      '',
      'app:bundle',
    ])
      expect(isAppUrl(url)).toBe(false);
  });

  it('serves files with their type and the CSP', async () => {
    const res = await serve(new Request(APP_INDEX_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html>');
    expect((await serve(new Request('app://bundle/'))).status).toBe(200);
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/assets/%2e%2e/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://other/index.html',
    'app://bundle/missing.js',
  ])('answers 404 for %s', async (url) => {
    const res = await serve(new Request(url));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
  });

  it('refuses methods other than GET', async () => {
    expect((await serve(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });
});
