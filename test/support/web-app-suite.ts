import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { openBrowser } from './browser.ts';
import type { Browser } from './browser.ts';
import { SHOTS_DIR, startWebApp } from './e2e-app.ts';
import type { Spawned } from './processes.ts';
import { tempDir } from './temp-dir.ts';

/** One e2e file's app and browser; see webAppSuite. */
export interface WebAppSuite {
  /** The sandbox's directory, made when the suite is declared. */
  readonly dir: { readonly path: string; remove(): void };
  /** The following two exist once the suite's beforeAll has run. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Declares, inside a `describe`, the app in web mode on a sandbox in a fresh
 * temp dir (named after `tag`) and a headless browser of `viewport` on its
 * page, both started in beforeAll (`prepare` runs on the dir in between: to
 * publish an update, say). afterAll closes the browser, stops the app,
 * removes the dir, and expects the app to have exited with 0.
 */
export function webAppSuite(
  tag: string,
  viewport: { readonly width: number; readonly height: number },
  prepare?: (dir: string) => Promise<unknown>,
): WebAppSuite {
  const dir = tempDir(tag);
  let app: Spawned | undefined;
  let url: string | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`the ${tag} app is not running`);
    return value;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    ({ app, url } = await startWebApp(dir.path));
    await prepare?.(dir.path);
    browser = await openBrowser(viewport);
    await browser.page.goto(url);
  });

  afterAll(async () => {
    await browser?.close();
    const code = await app?.stop();
    dir.remove();
    expect(code).toBe(0);
  });

  return {
    dir,
    get url() {
      return started(url);
    },
    get browser() {
      return started(browser);
    },
  };
}
