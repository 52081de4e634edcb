/**
 * Code evaluated in the page, kept as strings: test/ is type-checked without
 * the DOM library. Everything lands on `window.__bench`.
 */

/** Init script: long tasks, WebSocket open/first message, the rows message, deployments painted. */
export const instrument = (want: number) => `(() => {
  const b = (window.__bench = { longtasks: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const Original = window.WebSocket;
  window.WebSocket = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { b.wsOpen ??= performance.now(); });
      this.addEventListener('message', (e) => {
        const now = performance.now();
        b.firstMessage ??= now;
        b.firstMessageBytes ??= typeof e.data === 'string' ? e.data.length : 0;
        // The update's package rows (well over 500 KB here): from arrival to
        // handled (parsed and in the store), measured after the app's own
        // listener, which runs after this one.
        if (typeof e.data === 'string' && e.data.length > 500000 && b.rows === undefined) {
          const rows = (b.rows = { at: now, bytes: e.data.length });
          setTimeout(() => { rows.handled = performance.now() - now; }, 0);
        }
      });
    }
  };
  const want = ${want};
  let clicked = false;
  const observer = new MutationObserver(() => {
    const tab = [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.trim() === 'Deployments');
    if (tab && !clicked) { clicked = true; b.tabClicked = performance.now(); tab.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 })); tab.click(); }
    if (b.painted === undefined && document.querySelectorAll('article.deployment').length >= want ) {
      b.inDom = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { b.painted = performance.now(); }, 0));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/** Opens the update sheet and resolves with ms from click to the first rows painted. */
export const OPEN_SHEET = `new Promise((resolve, reject) => {
  const button = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Review update');
  if (!button) return reject(new Error('no Review update button'));
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[role=dialog] .diff-row')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  button.click();
})`;

/** Scrolls the diff list for ~2 s; long tasks and frame gaps while scrolling. */
export const SCROLL_DIFF = `new Promise((resolve) => {
  const el = document.querySelector('[role=dialog] .diff-scroll');
  const b = window.__bench;
  const start = performance.now();
  let last = start;
  let worstGap = 0;
  let frames = 0;
  const step = () => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
    frames++;
    el.scrollTop += 300;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) el.scrollTop = 0;
    if (now - start < 2000) return requestAnimationFrame(step);
    const long = b.longtasks.filter((t) => t.start >= start).map((t) => t.duration);
    resolve({ frames, elapsed: now - start, worstGap, longTasks: long.length, worstLongTask: Math.max(0, ...long), rows: el.querySelectorAll('.diff-row').length, total: Number(el.querySelector('.diff-row')?.getAttribute('aria-setsize') ?? 0) });
  };
  requestAnimationFrame(step);
})`;
