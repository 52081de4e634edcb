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

/** What one flood showed. */
interface FloodRun {
  readonly worst: number;
  /** "N ms at +S s" for each long task. */
  readonly longtasks: readonly string[];
  readonly received: number;
  /** Seconds from the transaction's start to the last signal a client received. */
  readonly elapsed: number;
  readonly messages: number;
  readonly changes: number;
  /** ms from the last signal to the panel showing it; null when it never did. */
  readonly shownAfter: number | null;
  readonly last: string | null;
  readonly cpu: number;
}

/** Floods, each on a fresh sandbox, app and browser. */
const RUNS = 3;

/**
 * The flood figures over RUNS floods: medians with min … max, and what each
 * run showed in the notes.
 */
export async function floodFigures(): Promise<Figure[]> {
  const runs: FloodRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await floodOnce());
  const perRun = (text: (r: FloodRun) => string) => runs.map(text).join('; ');
  const notShown = runs.filter((r) => r.shownAfter === null);
  return [
    {
      name: 'progress flood: worst renderer long task',
      samples: runs.map((r) => r.worst),
      unit: 'ms',
      target: 50,
      note:
        'long tasks per run: ' +
        perRun((r) => (r.longtasks.length ? r.longtasks.join(', ') : 'none')) +
        '; DownloadProgress received by a client per run: ' +
        perRun(
          (r) =>
            `${r.received} in ${r.elapsed.toFixed(1)} s (${(r.received / r.elapsed).toFixed(0)}/s of ${RATE}/s asked), ${r.messages} state messages and ${r.changes} UI updates in the page`,
        ),
    },
    {
      name: 'progress flood: last value shown after',
      samples: runs.flatMap((r) => (r.shownAfter === null ? [] : [r.shownAfter])),
      unit: 'ms',
      target: 100,
      note:
        (notShown.length
          ? `NOT SHOWN in ${notShown.length} run(s): the panel stopped at ${notShown.map((r) => `"${r.last ?? 'nothing'}"`).join(', ')}; `
          : '') + 'from the last signal reaching a D-Bus client to the activity panel showing it',
    },
    {
      name: 'progress flood: app (bridge) CPU',
      samples: runs.map((r) => r.cpu),
      unit: '% of a core',
      target: null,
      note: 'the app process (bridge + web server, dist-electron/web.cjs) during the flood',
    },
  ];
}

/**
 * One progress flood: the sandbox daemon (SANDBOX_PROGRESS_FLOOD) emits
 * 20,000 DownloadProgress signals a second for 5 s on a transaction another
 * client starts, as the CLI or the update timer would; the app (web mode,
 * system mode on the sandbox's bus) attaches to it and shows it in Chromium.
 * Measured: the renderer's long tasks, the app process's CPU, and how long
 * after the last signal reached a client the UI showed its value.
 */
async function floodOnce(): Promise<FloodRun> {
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
    // The page's own start-up (first state, first render, formatters made when
    // idle) is over before the flood starts, so its long tasks are not counted
    // as the flood's.
    await page
      .getByRole('button', { name: 'Check for updates', exact: true })
      .first()
      .waitFor({ timeout: 60_000 });
    await sleep(1000);
    await page.evaluate(
      'new Promise((r) => requestIdleCallback(() => r(null), { timeout: 2000 }))',
    );

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
    return {
      worst: Math.max(0, ...seen.longtasks.map((t) => t.duration)),
      longtasks: seen.longtasks.map(
        (t) => `${t.duration.toFixed(0)} ms at +${(t.at / 1000).toFixed(1)} s`,
      ),
      received,
      elapsed,
      messages: seen.messages,
      changes: seen.changes,
      shownAfter: seen.finalAt === null ? null : Math.max(0, seen.finalAt - lastAt),
      last: seen.last,
      cpu,
    };
  } finally {
    closeBus(bus);
    await browser?.close();
    await app.stop();
    await sandbox.stop();
    await removeTree(dir);
  }
}
