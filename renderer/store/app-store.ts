/**
 * The renderer's one store: a zustand vanilla store built from one slice per
 * domain. Actions are named for what happened; only actions talk to the
 * transport, and they reach it through `StoreDeps`, never a global.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { UpdatesApi } from '../../daemon-bridge/contract/api.ts';
import { createClipboardSlice } from './clipboard/clipboard-slice.ts';
import type { ClipboardSlice } from './clipboard/clipboard-slice.ts';
import { createLinkSlice } from './link/link-slice.ts';
import type { LinkSlice } from './link/link-slice.ts';
import { createRefreshSlice } from './refresh/refresh-slice.ts';
import type { RefreshSlice } from './refresh/refresh-slice.ts';
import { createDiffSlice } from './diff/diff-slice.ts';
import type { DiffSlice } from './diff/diff-slice.ts';
import { createNavSlice } from './nav/nav-slice.ts';
import type { NavSlice } from './nav/nav-slice.ts';
import { createSnapshotSlice } from './snapshot/snapshot-slice.ts';
import type { SnapshotSlice } from './snapshot/snapshot-slice.ts';
import { createUpdatesSlice } from './updates/updates-slice.ts';
import type { UpdatesSlice } from './updates/updates-slice.ts';
import { createRequestSlice } from './request/request-slice.ts';
import type { RequestSlice } from './request/request-slice.ts';
import { createRequestRunner } from './request/request-runner.ts';
import { createPackagesSlice } from './packages/packages-slice.ts';
import type { PackagesSlice } from './packages/packages-slice.ts';
import { createDesktopSlice } from './desktop/desktop-slice.ts';
import type { DesktopSlice } from './desktop/desktop-slice.ts';
import { createKargsSlice } from './kargs/kargs-slice.ts';
import type { KargsSlice } from './kargs/kargs-slice.ts';
import { createHealthSlice } from './health/health-slice.ts';
import { createUpdateChangesSlice } from './update-changes/update-changes-slice.ts';
import type { UpdateChangesSlice } from './update-changes/update-changes-slice.ts';
import type { FileSaver, HealthSlice } from './health/health-slice.ts';

export interface ClipboardPort {
  writeText(text: string): Promise<void>;
}

/** What the actions may use. Passed in, so tests hand in doubles. */
export interface StoreDeps {
  readonly api: UpdatesApi;
  /** Skip the transport's reconnect backoff. */
  readonly reconnect: () => void;
  readonly clipboard: ClipboardPort;
  /** Hands the diagnostics file to the user in web mode; default: a browser download. */
  readonly saveFile?: FileSaver;
}

export type AppStore = SnapshotSlice &
  LinkSlice &
  RefreshSlice &
  ClipboardSlice &
  RequestSlice &
  UpdatesSlice &
  PackagesSlice &
  KargsSlice &
  DesktopSlice &
  DiffSlice &
  UpdateChangesSlice &
  NavSlice &
  HealthSlice;

export type AppStoreApi = StoreApi<AppStore>;

export type SetState = StoreApi<AppStore>['setState'];
export type GetState = StoreApi<AppStore>['getState'];

export function createAppStore(deps: StoreDeps): AppStoreApi {
  return createStore<AppStore>()((set, get) => {
    // One runner for every slice that changes the system: one request status, one queue.
    const runner = createRequestRunner(set);
    return {
      ...createSnapshotSlice(deps, set, get),
      ...createLinkSlice(deps, set),
      ...createRefreshSlice(deps, set, get),
      ...createClipboardSlice(deps, set, get),
      ...createRequestSlice(set, get, runner),
      ...createUpdatesSlice(deps, runner),
      ...createPackagesSlice(deps, runner, set, get),
      ...createKargsSlice(deps, runner, set, get),
      ...createDesktopSlice(deps, runner),
      ...createDiffSlice(deps, set, get),
      ...createUpdateChangesSlice(deps, set, get),
      ...createNavSlice(set),
      ...createHealthSlice(deps, set, deps.saveFile),
    };
  });
}
