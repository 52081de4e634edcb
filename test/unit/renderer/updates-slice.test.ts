import { describe, expect, it } from 'vitest';
import type { Result } from '../../../daemon-bridge/contract/domain.ts';
import { deferred, storeWithFakeApi } from './fixtures.ts';

const setup = storeWithFakeApi;

describe('updates slice', () => {
  it('sends each action as its command, with its arguments', async () => {
    const { api, store } = setup();
    const s = store.getState();
    await s.checkRequested();
    await s.stageRequested();
    await s.applyRequested();
    await s.rollbackRequested();
    await s.undoRollbackRequested();
    await s.deployRequested('41.20241019.0');
    await s.cleanupRequested(['rollback-deploy', 'repomd']);
    await s.activityDismissed();
    expect(api.callArgs).toEqual([
      { command: 'checkForUpdates', args: [] },
      { command: 'stageUpdate', args: [] },
      { command: 'rebootToApply', args: [] },
      { command: 'rollback', args: [] },
      { command: 'rollback', args: [] },
      { command: 'deployRevision', args: ['41.20241019.0'] },
      { command: 'cleanup', args: [['rollback-deploy', 'repomd']] },
      { command: 'dismissActivity', args: [] },
    ]);
    expect(store.getState().request).toEqual({ kind: 'idle' });
  });

  it('is running while the daemon works, never drops a second request, and lets Cancel through', async () => {
    const { api, store } = setup();
    const stage = deferred<Result<null>>();
    api.answers.stageUpdate = () => stage.promise;
    const running = store.getState().stageRequested();
    expect(store.getState().request).toEqual({ kind: 'running', command: 'stageUpdate' });
    // The main process queues it behind the stage; here it answers at once.
    await store.getState().checkRequested();
    await store.getState().cancelRequested();
    expect(api.calls).toEqual(['stageUpdate', 'checkForUpdates', 'cancelTransaction']);
    expect(store.getState().request).toEqual({ kind: 'running', command: 'stageUpdate' });
    stage.resolve({ ok: false, error: { kind: 'cancelled', message: 'Cancelled' } });
    await running;
    expect(store.getState().request).toEqual({
      kind: 'failed',
      command: 'stageUpdate',
      error: { kind: 'cancelled', message: 'Cancelled' },
    });
    store.getState().requestErrorDismissed();
    expect(store.getState().request).toEqual({ kind: 'idle' });
  });

  it('never stays running when the call rejects', async () => {
    const { api, store } = setup();
    api.answers.checkForUpdates = () => Promise.reject(new Error('link lost'));
    await store.getState().checkRequested();
    expect(store.getState().request).toEqual({
      kind: 'failed',
      command: 'checkForUpdates',
      error: { kind: 'protocol', message: 'link lost' },
    });
  });
});

describe('diff slice', () => {
  it('loads a comparison and a deploy preview', async () => {
    const { api, store } = setup();
    await store.getState().comparisonRequested('a', 'b');
    expect(store.getState().diff).toMatchObject({
      kind: 'loaded',
      subject: { kind: 'compare', fromId: 'a', toId: 'b' },
      preview: null,
    });
    await store.getState().deployPreviewRequested('41.1');
    const diff = store.getState().diff;
    expect(diff.kind === 'loaded' ? diff.preview?.version : null).toBe('41.1');
    expect(api.callArgs.map((c) => c.args)).toEqual([['a', 'b'], ['41.1']]);
  });

  it('drops an answer for a diff the user has left, and reports failures', async () => {
    const { api, store } = setup();
    const slow = deferred<Awaited<ReturnType<typeof api.compareDeployments>>>();
    api.answers.compareDeployments = () => slow.promise;
    const first = store.getState().comparisonRequested('a', 'b');
    store.getState().diffClosed();
    slow.resolve({ ok: true, value: [] });
    await first;
    expect(store.getState().diff).toEqual({ kind: 'idle' });
    api.answers.previewDeploy = () =>
      Promise.resolve({ ok: false, error: { kind: 'invalid-input', message: 'No such version' } });
    await store.getState().deployPreviewRequested('nope');
    expect(store.getState().diff).toEqual({
      kind: 'failed',
      subject: { kind: 'deploy', revision: 'nope' },
      error: { kind: 'invalid-input', message: 'No such version' },
    });
  });
});
