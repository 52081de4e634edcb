import { describe, expect, it } from 'vitest';
import { BootOptionsCache } from '../../../daemon-bridge/rpm-ostree/boot-options-cache.ts';
import type { Deployment } from '../../../daemon-bridge/contract/domain.ts';

const dep = (id: string, booted = false) => ({ id, osname: 'fedora', booted }) as Deployment;

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('BootOptionsCache', () => {
  it('reads the booted and pending entries by index once, then answers from memory', async () => {
    const reads: number[] = [];
    let changed = 0;
    const cache = new BootOptionsCache(
      (i) => (reads.push(i), Promise.resolve(`opts${i}`)),
      () => changed++,
      () => undefined,
    );
    const list = [dep('pending'), dep('booted', true), dep('rollback')];
    expect(cache.forDeployments(list)).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(changed).toBe(1);
    expect(reads).toEqual([1, 0]);
    expect(cache.forDeployments(list)).toEqual([
      { deploymentId: 'booted', options: 'opts1' },
      { deploymentId: 'pending', options: 'opts0' },
    ]);
    expect(reads).toEqual([1, 0]);
  });

  it('drops a read made against a list that changed meanwhile (indexes moved)', async () => {
    const slow = deferred<string>();
    const reads: number[] = [];
    const cache = new BootOptionsCache(
      (i) => (reads.push(i), reads.length === 1 ? slow.promise : Promise.resolve(`new${i}`)),
      () => undefined,
      () => undefined,
    );
    cache.forDeployments([dep('booted', true)]);
    cache.forDeployments([dep('pending'), dep('booted', true)]);
    slow.resolve('stale');
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.forDeployments([dep('pending'), dep('booted', true)])).toEqual([
      { deploymentId: 'booted', options: 'new1' },
      { deploymentId: 'pending', options: 'new0' },
    ]);
  });

  it('reports a failed read once and does not retry it until cleared', async () => {
    let attempts = 0;
    const errors: unknown[] = [];
    const cache = new BootOptionsCache(
      () => (attempts++, Promise.reject(new Error('no such method'))),
      () => undefined,
      (e) => errors.push(e),
    );
    const list = [dep('booted', true)];
    cache.forDeployments(list);
    await new Promise((r) => setTimeout(r, 0));
    cache.forDeployments(list);
    await new Promise((r) => setTimeout(r, 0));
    expect([attempts, errors.length]).toEqual([1, 1]);
    cache.clear();
    cache.forDeployments(list);
    await new Promise((r) => setTimeout(r, 0));
    expect(attempts).toBe(2);
  });
});
