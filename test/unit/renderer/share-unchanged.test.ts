import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../daemon-bridge/contract/domain.ts';
import { ipcTransport } from '../../../renderer/transport/ipc-transport.ts';
import { shareUnchanged } from '../../../renderer/transport/share-unchanged.ts';
import { FakeUpdatesApi, readyState, typicalSystem } from './fixtures.ts';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('shareUnchanged', () => {
  it('keeps every unchanged part of a freshly decoded snapshot, and only those', () => {
    const before = clone(readyState(typicalSystem({ readAt: 1 })));
    const after = clone(readyState(typicalSystem({ readAt: 2 })));
    const shared = shareUnchanged(before, after);
    expect(shared).toEqual(after);
    expect(shared).not.toBe(before);
    expect(shared.system).not.toBe(before.system);
    expect(shared.daemon).toBe(before.daemon);
    expect(shared.system?.deployments).toBe(before.system?.deployments);
  });

  it('hands back the previous snapshot itself when nothing changed', () => {
    const before = clone(readyState());
    expect(shareUnchanged(before, clone(before))).toBe(before);
  });

  it('takes the new value for new keys, dropped keys, changed lengths and types', () => {
    const before = { a: [1, 2], b: { c: 1 }, d: 'x' } as Record<string, unknown>;
    const after = { a: [1, 2, 3], b: null, e: 'y' } as Record<string, unknown>;
    expect(shareUnchanged(before, after)).toEqual(after);
    expect(shareUnchanged(undefined, after)).toBe(after);
    const keep = { a: [1, 2], b: { c: 1 } };
    const next = shareUnchanged(keep, { a: [1, 2], b: { c: 2 } });
    expect(next.a).toBe(keep.a);
    expect(next.b).toEqual({ c: 2 });
  });
});

describe('ipcTransport', () => {
  it('shares the unchanged parts of the snapshots the preload pushes', () => {
    const api = new FakeUpdatesApi();
    const transport = ipcTransport(api);
    const seen: AppState[] = [];
    const stop = transport.onState((s) => seen.push(s));
    api.push(clone(readyState(typicalSystem({ readAt: 1 }))));
    api.push(clone(readyState(typicalSystem({ readAt: 2 }))));
    stop();
    expect(seen[1]?.system?.readAt).toBe(2);
    expect(seen[1]?.daemon).toBe(seen[0]?.daemon);
  });
});
