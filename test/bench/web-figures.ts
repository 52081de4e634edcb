import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startWebApp } from '../support/e2e-app.ts';
import { CHROMIUM } from '../support/browser.ts';
import { instrument, OPEN_SHEET, SCROLL_DIFF } from './page-scripts.ts';
import { APP, CLOCK_TICKS, DEV_ONLY, label, processTree } from './processes.ts';
import type { ProcInfo } from './processes.ts';
import { median, sample } from './stats.ts';
import type { Figure } from './stats.ts';

const RUNS = 7;

interface PaintTimes {
  readonly wsOpen: number;
  readonly firstMessage: number;
  readonly firstMessageBytes: number;
  readonly painted: number;
  readonly scriptAsked: number;
}

interface RowsMessage {
  readonly at: number;
  readonly bytes: number;
  readonly handled?: number;
}

interface ScrollResult {
  readonly frames: number;
  readonly elapsed: number;
  readonly worstGap: number;
  readonly longTasks: number;
  readonly worstLongTask: number;
  readonly rows: number;
  readonly total: number;
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

/** A fresh context (empty HTTP cache) with the instrumentation, on `url`. */
async function loadApp(browser: Browser, url: string, deployments: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(instrument(deployments));
  await page.goto(url);
  // Polled, not waitForFunction: that evaluates with eval, which the app's CSP forbids.
  const deadline = Date.now() + 60_000;
  while (!(await page.evaluate<boolean>('window.__bench?.painted !== undefined'))) {
    if (Date.now() > deadline) throw new Error('deployments not painted within 60 s');
    await sleep(20);
  }
  return page;
}

/**
 * The app as a user starts it in web mode (scripts/start.ts --web --sandbox)
 * on the scale machine, driven by headless Chromium: paint and connect times,
 * the 10,000-row update sheet, idle RSS with a client, and what remains with
 * no client.
 */
export async function webFigures(dir: string, deployments: number): Promise<Figure[]> {
  const { app, url } = await startWebApp(dir);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const b = browser;
    const paints: PaintTimes[] = [];
    await sample(
      async () => {
        const page = await loadApp(b, url, deployments);
        const times = await page.evaluate<PaintTimes>('window.__bench');
        // When the page asked for its first script: what Chromium takes before
        // any of the app's code can run (a new renderer process for the
        // Cross-Origin-Opener-Policy the page is served with, HTML parsing).
        const scriptAsked = await page.evaluate<number>(
          "performance.getEntriesByType('resource').find((e) => e.initiatorType === 'script')?.startTime ?? NaN",
        );
        paints.push({ ...times, scriptAsked });
        await page.context().close();
        return 0;
      },
      RUNS,
      1,
    );
    paints.shift();

    // The update sheet: a fresh page each run, the cached update's 10,000
    // rows, which the page asks for once it is idle after the first paint.
    const renders: number[] = [];
    const reopens: number[] = [];
    const rowsMessages: RowsMessage[] = [];
    let scroll: ScrollResult | null = null;
    for (let i = 0; i < 6; i++) {
      const page = await loadApp(b, url, deployments);
      await page.getByRole('tab', { name: 'Updates' }).click();
      await page.getByRole('button', { name: 'Review update' }).waitFor({ timeout: 60_000 });
      const deadline = Date.now() + 60_000;
      while (!(await page.evaluate<boolean>('window.__bench.rows?.handled !== undefined'))) {
        if (Date.now() > deadline) throw new Error('the update rows never came');
        await sleep(20);
      }
      const rows = await page.evaluate<RowsMessage>('window.__bench.rows');
      const render = await page.evaluate<number>(OPEN_SHEET);
      // Closed and opened again on the same page: its code has run once.
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      const again = await page.evaluate<number>(OPEN_SHEET);
      if (i > 0) {
        renders.push(render);
        reopens.push(again);
        rowsMessages.push(rows);
      }
      if (i === 5) scroll = await page.evaluate<ScrollResult>(SCROLL_DIFF);
      await page.context().close();
    }

    // Idle with one connected client: the page loaded (it has asked for the
    // update's rows too), then nothing happens. Right after a load the heap
    // still holds the garbage of the load's messages until V8's memory
    // reducer collects it, a few seconds later; that figure is in the note.
    const idlePage = await loadApp(b, url, deployments);
    await sleep(3000);
    const afterLoad = findBridge(processTree(app.child.pid!)).rssMb;
    const emptyNode = emptyNodeRss();
    await sleep(9000);
    const bridgePid = () => findBridge(processTree(app.child.pid!)).pid;
    const idle: number[] = [];
    let split = findBridge(processTree(app.child.pid!));
    for (let i = 0; i < 5; i++) {
      split = findBridge(processTree(app.child.pid!));
      idle.push(split.rssMb);
      await sleep(500);
    }
    const pid = bridgePid();
    await idlePage.context().close();
    await browser.close();
    browser = null;

    // No client left: the web-mode stand-in for the tray-only state.
    await sleep(3000);
    const before = processTree(app.child.pid!);
    await sleep(5000);
    const after = processTree(app.child.pid!);
    const cpu =
      after.reduce((s, p) => s + p.cpuTicks, 0) - before.reduce((s, p) => s + p.cpuTicks, 0);
    const processes = after.filter((p) => !DEV_ONLY.includes(label(p)));
    const listing = (list: typeof after) =>
      list.map((p) => `${label(p)} ${p.rssMb.toFixed(0)} MB`).join(', ');
    const devOnly = after.filter((p) => DEV_ONLY.includes(label(p)));

    return [
      {
        name: 'start → deployments painted (web, Chromium)',
        samples: paints.map((p) => p.painted),
        unit: 'ms',
        target: 300,
        note: `since navigation start, fresh context each run; ${deployments} deployment cards; the first script was asked for at ${median(paints.map((p) => p.scriptAsked)).toFixed(0)} ms median`,
      },
      {
        name: 'start → connected (WebSocket open)',
        samples: paints.map((p) => p.wsOpen),
        unit: 'ms',
        target: null,
        note: `first state message at ${median(paints.map((p) => p.firstMessage)).toFixed(0)} ms median, ${(median(paints.map((p) => p.firstMessageBytes)) / 1024).toFixed(0)} KB`,
      },
      {
        name: 'diff 10,000 rows: in renderer (message → store)',
        samples: rowsMessages.map((r) => r.handled ?? Number.NaN),
        unit: 'ms',
        target: null,
        note: `asked for when idle after the first paint, not in the first state; ${(median(rowsMessages.map((r) => r.bytes)) / 1024).toFixed(0)} KB message, arriving ${median(rowsMessages.map((r) => r.at)).toFixed(0)} ms after navigation start (median)`,
      },
      {
        name: 'diff 10,000 rows: first render (click → painted)',
        samples: renders,
        unit: 'ms',
        target: 50,
        note: `the first open on a fresh page; opened again on the same page: ${median(reopens).toFixed(0)} ms median (${Math.min(...reopens).toFixed(0)} … ${Math.max(...reopens).toFixed(0)}); renderer only, rows already in the store (the two "diff" figures above are the bridge's and the renderer's parse)`,
      },
      {
        name: 'diff 10,000 rows: scrolling 2 s',
        samples: scroll ? [scroll.worstLongTask] : [],
        unit: 'ms worst long task',
        target: 50,
        note: scroll
          ? `${scroll.longTasks} long tasks, ${((scroll.frames * 1000) / scroll.elapsed).toFixed(0)} fps, worst frame gap ${scroll.worstGap.toFixed(0)} ms, ${scroll.rows} of ${scroll.total} rows in DOM`
          : 'scroll not run',
      },
      {
        name: 'bridge RSS idle, one client connected',
        samples: idle,
        unit: 'MB',
        target: 60,
        samplesAre: 'readings over 2.5 s',
        note:
          `12 s after the page loaded (3 s after: ${afterLoad.toFixed(1)} MB); ` +
          `${split.anonMb.toFixed(1)} MB its own (RssAnon), ${split.fileMb.toFixed(1)} MB file-backed (RssFile: the node executable's pages); ` +
          `an empty Node process here: ${emptyNode.rssMb.toFixed(1)} MB (${emptyNode.anonMb.toFixed(1)} + ${emptyNode.fileMb.toFixed(1)}); ` +
          `pid ${pid}: web mode's app process (dist-electron/web.cjs under plain Node ${process.version}: bridge + web server + static files)`,
      },
      {
        name: 'no-client state (tray-only stand-in): RSS',
        samples: processes.length > 0 ? [processes.reduce((s, p) => s + p.rssMb, 0)] : [],
        unit: 'MB total',
        target: null,
        note:
          `${processes.length} processes: ${listing(processes)}; CPU ${((cpu / CLOCK_TICKS / 5) * 100).toFixed(1)}% over 5 s; ` +
          `not counted (npm start in development only): ${listing(devOnly)}; no Electron here, so the tray process itself is not measured`,
      },
    ];
  } finally {
    await browser?.close();
    const code = await app.stop();
    if (code !== 0 && code !== null) process.stderr.write(`web app exited with ${code}\n`);
  }
}

/** What a Node process that does nothing holds, for comparison: the floor under the bridge. */
function emptyNodeRss(): ProcInfo {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      "const s = require('fs').readFileSync('/proc/self/status', 'utf8'); const kb = (f) => Number(new RegExp(f + ':\\\\s+(\\\\d+)').exec(s)[1]); console.log(JSON.stringify([kb('VmRSS'), kb('RssAnon'), kb('RssFile')]))",
    ],
    { encoding: 'utf8' },
  );
  const [rss, anon, file] = JSON.parse(out) as [number, number, number];
  return {
    pid: 0,
    ppid: 0,
    command: 'node -e',
    rssMb: rss / 1024,
    anonMb: anon / 1024,
    fileMb: file / 1024,
    cpuTicks: 0,
  };
}

function findBridge(tree: readonly ProcInfo[]): ProcInfo {
  const bridge = tree.find((p) => label(p) === APP);
  if (!bridge) throw new Error(`app process not found in ${tree.map((p) => p.command).join('\n')}`);
  return bridge;
}
