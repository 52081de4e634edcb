/** Renders the app into the per-file DOM environment (happy-dom) for component tests. */
import { act } from 'react';
import { afterEach } from 'vitest';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import type { AppTab } from '../../../renderer/store/nav/nav-slice.ts';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { App } from '../../../renderer/ui/app.tsx';
import { createAppStore } from '../../../renderer/store/app-store.ts';
import type { AppStoreApi, ClipboardPort } from '../../../renderer/store/app-store.ts';
import type { FileSaver } from '../../../renderer/store/health/health-slice.ts';
import { StoreProvider } from '../../../renderer/store/store-context.tsx';
import { FakeUpdatesApi } from './fixtures.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  readonly api: FakeUpdatesApi;
  readonly store: AppStoreApi;
  readonly container: HTMLElement;
  readonly clipboard: string[];
  unmount(): void;
}

export async function renderApp(
  options: { clipboard?: ClipboardPort; saveFile?: FileSaver } = {},
): Promise<Rendered> {
  const api = new FakeUpdatesApi();
  const copied: string[] = [];
  const clipboard = options.clipboard ?? {
    writeText: (text: string) => {
      copied.push(text);
      return Promise.resolve();
    },
  };
  const store = createAppStore({
    api,
    reconnect: () => undefined,
    clipboard,
    ...(options.saveFile ? { saveFile: options.saveFile } : {}),
  });
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | null = null;
  await act(async () => {
    root = createRoot(container);
    root.render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    await Promise.resolve();
  });
  return {
    api,
    store,
    container,
    clipboard: copied,
    unmount() {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** Runs a store update or DOM event inside act and lets promises settle. */
export async function update(work: () => unknown): Promise<void> {
  await act(async () => {
    await work();
  });
}

/** Visible text of each element matching the selector. */
export function texts(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((el) => el.textContent?.trim() ?? '');
}

export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) =>
    (b.getAttribute('aria-label') ?? b.textContent ?? '').includes(name),
  );
  if (!button) throw new Error(`no button named ${name}`);
  return button;
}

/** Types into a controlled input or textarea the way React notices: the native setter, then an input event. */
export function typeInto(input: Element | null, value: string): void {
  const prototype =
    input instanceof HTMLInputElement
      ? HTMLInputElement.prototype
      : input instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : null;
  if (!input || !prototype) throw new Error('no input');
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * For one test file: `show(state)` renders the app on `tab` (if given) and
 * feeds it `state` (null: no snapshot yet); each test's app is unmounted
 * after it.
 */
export function screenTests(tab?: AppTab): (state: AppState | null) => Promise<Rendered> {
  let view: Rendered | null = null;
  afterEach(() => {
    view?.unmount();
    view = null;
    document.body.innerHTML = '';
  });
  return async (state) => {
    const rendered = await renderApp();
    view = rendered;
    if (tab) await update(() => rendered.store.getState().tabChanged(tab));
    if (state) await update(() => rendered.store.getState().stateReceived(state));
    return rendered;
  };
}

/** The open dialog (Radix portals it into the body). */
export function dialog(): Element {
  const found = document.body.querySelector('[role="dialog"]');
  if (!found) throw new Error('no dialog');
  return found;
}
