import { describe, expect, it } from 'vitest';
import type { Result } from '../../../daemon-bridge/contract/domain.ts';
import {
  packageActionCommandLine,
  rowAction,
} from '../../../renderer/store/packages/package-actions.ts';
import type { RebootItem } from '../../../renderer/store/reboot-diff/reboot-diff.ts';
import { deferred, storeWithFakeApi } from './fixtures.ts';
import { searchHits } from './update-fixtures.ts';

const setup = storeWithFakeApi;

describe('packages slice: search', () => {
  it('searches the daemon with the words typed and keeps the hits', async () => {
    const { api, store } = setup();
    await store.getState().packageSearchRequested('  htop   viewer ');
    expect(api.callArgs).toEqual([{ command: 'searchPackages', args: [['htop', 'viewer']] }]);
    expect(store.getState().packageSearch).toEqual({
      kind: 'loaded',
      terms: ['htop', 'viewer'],
      hits: searchHits(),
    });
  });

  it('refuses an empty or bad search without asking the daemon', async () => {
    const { api, store } = setup();
    await store.getState().packageSearchRequested('   ');
    expect(store.getState().packageSearch).toEqual({ kind: 'refused', problem: 'empty' });
    await store.getState().packageSearchRequested('htop; rm');
    expect(store.getState().packageSearch).toEqual({ kind: 'refused', problem: 'bad-term' });
    await store.getState().packageSearchRequested('a b c d e f g h i');
    expect(store.getState().packageSearch).toEqual({ kind: 'refused', problem: 'too-many-terms' });
    expect(api.calls).toEqual([]);
  });

  it('reports a failed search, and drops the answer to a search the user replaced', async () => {
    const { api, store } = setup();
    api.answers.searchPackages = () =>
      Promise.resolve({ ok: false, error: { kind: 'daemon-unavailable', message: 'No daemon' } });
    await store.getState().packageSearchRequested('htop');
    expect(store.getState().packageSearch).toEqual({
      kind: 'failed',
      terms: ['htop'],
      error: { kind: 'daemon-unavailable', message: 'No daemon' },
    });
    const slow = deferred<Awaited<ReturnType<typeof api.searchPackages>>>();
    api.answers.searchPackages = () => slow.promise;
    const first = store.getState().packageSearchRequested('vim');
    store.getState().packageSearchCleared();
    slow.resolve({ ok: true, value: searchHits() });
    await first;
    expect(store.getState().packageSearch).toEqual({ kind: 'idle' });
  });
});

describe('packages slice: changes', () => {
  it('sends each change as its command, with its arguments', async () => {
    const { api, store } = setup();
    const s = store.getState();
    await s.packageAddRequested('htop');
    await s.packageRemoveRequested('vim-enhanced');
    await s.baseRemovalRequested('firefox');
    await s.overrideResetRequested('firefox');
    await s.packageChangesResetRequested({ layering: true, overrides: false });
    await s.packageChangesResetRequested({ layering: false, overrides: false });
    expect(api.callArgs).toEqual([
      { command: 'changePackages', args: [{ add: ['htop'], remove: [] }] },
      { command: 'changePackages', args: [{ add: [], remove: ['vim-enhanced'] }] },
      { command: 'changeOverrides', args: [{ remove: ['firefox'], reset: [] }] },
      { command: 'changeOverrides', args: [{ remove: [], reset: ['firefox'] }] },
      { command: 'resetPackageChanges', args: [{ layering: true, overrides: false }] },
    ]);
    expect(store.getState().request).toEqual({ kind: 'idle' });
  });

  it('refuses a bad name without a call, and says which and why', async () => {
    const { api, store } = setup();
    for (const name of ['-rf', 'htop vim', '', 'rm;reboot', 'x'.repeat(129)])
      await store.getState().packageAddRequested(name);
    await store.getState().baseRemovalRequested('--all');
    expect(api.calls).toEqual([]);
    expect(store.getState().packageRefusal).toEqual({ spec: '--all', problem: 'option-like' });
    await store.getState().packageAddRequested('htop vim');
    expect(store.getState().packageRefusal).toEqual({ spec: 'htop vim', problem: 'space' });
    store.getState().packageRefusalDismissed();
    expect(store.getState().packageRefusal).toBeNull();
  });

  it('reports a failure and never drops a second request', async () => {
    const { api, store } = setup();
    const install = deferred<Result<null>>();
    api.answers.changePackages = () => install.promise;
    const first = store.getState().packageAddRequested('htop');
    expect(store.getState().request).toEqual({ kind: 'running', command: 'changePackages' });
    await store.getState().overrideResetRequested('firefox');
    expect(api.calls).toEqual(['changePackages', 'changeOverrides']);
    install.resolve({
      ok: false,
      error: { kind: 'transaction-failed', message: 'No package htop' },
    });
    await first;
    expect(store.getState().request).toEqual({
      kind: 'failed',
      command: 'changePackages',
      error: { kind: 'transaction-failed', message: 'No package htop' },
    });
    api.answers.changeOverrides = () => Promise.reject(new Error('link lost'));
    await store.getState().baseRemovalRequested('firefox');
    expect(store.getState().request).toEqual({
      kind: 'failed',
      command: 'changeOverrides',
      error: { kind: 'protocol', message: 'link lost' },
    });
  });
});

describe('package actions', () => {
  const item = (kind: RebootItem['kind'], state: RebootItem['state']): RebootItem => ({
    kind,
    key: 'x',
    name: 'x',
    detail: null,
    requested: true,
    staged: true,
    running: true,
    state,
  });

  it('offers the action that undoes what is pending, else removes or restores', () => {
    const offered = (
      [
        ['package', 'in-effect'],
        ['package', 'pending'],
        ['package', 'going-away'],
        ['package', 'not-applied'],
        ['local-package', 'going-away'],
        ['base-removal', 'pending'],
        ['base-removal', 'going-away'],
        ['replacement', 'in-effect'],
        ['karg', 'pending'],
      ] as const
    ).map(([kind, state]) => {
      const action = rowAction(item(kind, state));
      return action ? packageActionCommandLine(action) : null;
    });
    expect(offered).toEqual([
      'rpm-ostree uninstall x',
      'rpm-ostree uninstall x',
      'rpm-ostree install x',
      'rpm-ostree uninstall x',
      null,
      'rpm-ostree override reset x',
      'rpm-ostree override remove x',
      'rpm-ostree override reset x',
      null,
    ]);
    expect(packageActionCommandLine({ kind: 'reset', layering: false, overrides: true })).toBe(
      'rpm-ostree reset --overrides',
    );
  });
});
