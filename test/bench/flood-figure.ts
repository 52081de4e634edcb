import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { closeBus, connectBus } from '../../daemon-bridge/dbus/connect-bus.ts';
import { RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { runTransaction } from '../../daemon-bridge/rpm-ostree/transaction/index.ts';
import { getSysrootProperties } from '../../daemon-bridge/rpm-ostree/verbs/get-sysroot-properties.ts';
import { upgrade } from '../../daemon-bridge/rpm-ostree/verbs/upgrade.ts';
import { startSandbox } from '../../sandbox/launch.ts';
import { PROGRESS_FLOOD_ENV } from '../../sandbox/remote/progress-flood.ts';
import { removeTree } from '../../sandbox/sysroot/remove-tree.ts';
import { CHROMIUM } from '../support/browser.ts';
import { spawnGroup } from '../support/processes.ts';
import { repoRoot } from '../support/reference.ts';
import { APP, CLOCK_TICKS, label, processTree } from './processes.ts';
import type { Figure } from './stats.ts';

const RATE = 20_000;
const SECONDS = 5;

/**
 * An init script: long tasks, WebSocket messages, and each time the activity panel's
 * "N of M objects" line shows N = M (the flood's last value), with Date.now().
 */
const WATCH = `(() => {
  const w = (window.__flood = { longtasks: [], finalAt: null, changes: 0, last: null, from: Infinity, messages: 0 });
  const Original = window.WebSocket;
  window.WebSocket = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { if (performance.now() >= w.from) w.messages++; });
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.startTime >= w.from) w.longtasks.push({ at: e.startTime - w.from, duration: e.duration });
  }).observe({ type: 'longtask' });
  const watch = () => new MutationObserver(() => {
    for (const li of document.querySelectorAll('li')) {
      const m = / objects$/.test(li.textContent) && /^([\\d,.\\s]+) of ([\\d,.\\s]+) objects$/.exec(li.textContent);
      if (!m) continue;
      w.changes++;
      w.last = li.textContent;
      const digits = (s) => s.replace(/\\D/g, '');
      if (w.finalAt === null && digits(m[1]) === digits(m[2])) w.finalAt = Date.now();
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  if (document.body) watch(); else addEventListener('DOMContentLoaded', watch);
})()`;

interface Watched {
  /** Long tasks from the flood's start on: ms after it, and duration. */
  readonly longtasks: { readonly at: number; readonly duration: number }[];
  readonly finalAt: number | null;
  readonly changes: number;
  /** The last "N of M objects" text shown. */
  readonly last: string | null;
  /** WebSocket messages received from the flood's start on. */
  readonly messages: number;
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

/**
 * The progress flood: the sandbox daemon (SANDBOX_PROGRESS_FLOOD) emits
 * 20,000 DownloadProgress signals a second for 5 s on a transaction another
 * client starts, as the CLI or the update timer would; the app (web mode,
 * system mode on the sandbox's bus) attaches to it and shows it in Chromium.
 * Measured: the renderer's long tasks, the app process's CPU, and how long
 * after the last signal reached a client the UI showed its value.
 */
export async function floodFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'oum-flood-'));
  // The bus (and so the daemon it activates) inherits this environment.
  process.env[PROGRESS_FLOOD_ENV] = `${RATE}:${SECONDS}`;
  const sandbox = await startSandbox({ dir, log: () => {} }).finally(() => {
    delete process.env[PROGRESS_FLOOD_ENV];
  });
  const app = spawnGroup(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    ['scripts/start.ts', '--web', '--port', '0'],
    { cwd: repoRoot, env: { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: sandbox.address } },
  );
  let browser: Browser | null = null;
  const bus = await connectBus(sandbox.address);
  try {
    const [, url] = await app.waitForLine(
      /^URL: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)$/,
      120_000,
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(WATCH);
    await page.goto(url!);
    await page.getByRole('tab', { name: 'Updates' }).waitFor({ timeout: 60_000 });

    const props = await getSysrootProperties(bus, RPM_OSTREE);
    const target = { bus, profile: RPM_OSTREE, osPath: props.bootedOsPath };
    const ticks = () =>
      processTree(app.child.pid!)
        .filter((p) => label(p) === APP)
        .reduce((s, p) => s + p.cpuTicks, 0);
    let received = 0;
    let lastAt = 0;
    await page.evaluate('window.__flood.from = performance.now()');
    const cpuBefore = ticks();
    const started = Date.now();
    const address = await upgrade(target, {});
    await runTransaction(address, {
      profile: RPM_OSTREE,
      onEvent: (e) => {
        if (e.kind !== 'download-progress') return;
        received++;
        lastAt = Date.now();
      },
    });
    const elapsed = (lastAt - started) / 1000;
    const cpu = ((ticks() - cpuBefore) / CLOCK_TICKS / elapsed) * 100;
    await sleep(2000);
    const seen = await page.evaluate<Watched>('window.__flood');
    const worst = Math.max(0, ...seen.longtasks.map((t) => t.duration));
    const when = seen.longtasks.map(
      (t) => `${t.duration.toFixed(0)} ms at +${(t.at / 1000).toFixed(1)} s`,
    );
    const rate = received / elapsed;
    return [
      {
        name: 'progress flood: worst renderer long task',
        samples: [worst],
        unit: 'ms',
        target: 50,
        note: `${seen.longtasks.length} long tasks${when.length ? ` (${when.join(', ')})` : ''}; ${received} DownloadProgress received by a client in ${elapsed.toFixed(1)} s (${rate.toFixed(0)}/s of ${RATE}/s asked); ${seen.messages} state messages and ${seen.changes} UI updates in the page`,
      },
      {
        name: 'progress flood: last value shown after',
        samples: seen.finalAt === null ? [] : [Math.max(0, seen.finalAt - lastAt)],
        unit: 'ms',
        target: 100,
        note:
          seen.finalAt === null
            ? `NOT SHOWN: the activity panel stopped at "${seen.last ?? 'nothing'}"`
            : 'from the last signal reaching a D-Bus client to the activity panel showing it',
      },
      {
        name: 'progress flood: app (bridge) CPU',
        samples: [cpu],
        unit: '% of a core',
        target: null,
        note: 'the app process (bridge + web server, dist-electron/web.cjs) during the flood',
      },
    ];
  } finally {
    closeBus(bus);
    await browser?.close();
    await app.stop();
    await sandbox.stop();
    await removeTree(dir);
  }
}
