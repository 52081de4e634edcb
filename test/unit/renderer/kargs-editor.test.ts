import { describe, expect, it } from 'vitest';
import type { Result } from '../../../daemon-bridge/contract/domain.ts';
import type { KernelArgsChangeProblem } from '../../../daemon-bridge/contract/kernel-args.ts';
import { kernelArgsCommandLine } from '../../../daemon-bridge/contract/command-lines.ts';
import { splitKernelArgs } from '../../../daemon-bridge/contract/kernel-args.ts';
import { kargsChangeProblemText } from '../../../renderer/i18n/problem-text.ts';
import { kargSuggestions, suggestionUse } from '../../../renderer/store/kargs/karg-suggestions.ts';
import { changeOf, kargRows } from '../../../renderer/store/kargs/kargs-draft.ts';
import type { KargEdit } from '../../../renderer/store/kargs/kargs-draft.ts';
import { compareArgs, previewChange } from '../../../renderer/store/kargs/kargs-preview.ts';
import { selectKargsDraft } from '../../../renderer/store/kargs/kargs-slice.ts';
import {
  kernelCommandLine,
  readyState,
  storeWithFakeApi,
  typicalSystem,
  unstagedSystem,
} from './fixtures.ts';

const LINE = kernelCommandLine('c', 'console=tty0 console=ttyS0,115200 mitigations=auto');

/** A store showing a system with nothing pending, booted with LINE. */
function setup(line = LINE) {
  const { api, store } = storeWithFakeApi();
  const system = unstagedSystem();
  store.getState().stateReceived(
    readyState({
      ...system,
      bootOptions: [{ deploymentId: system.bootedId ?? '', options: line }],
    }),
  );
  return { api, store };
}

describe('kargs slice: validation before anything is sent', () => {
  it('refuses a newline and a space, keeps the draft empty and sends nothing', async () => {
    const { api, store } = setup();
    const s = store.getState();
    expect(s.kargEdited({ kind: 'add', arg: 'quiet\nsingle' })).toEqual({
      kind: 'argument',
      arg: 'quiet\nsingle',
      problem: 'control-character',
    });
    expect(s.kargEdited({ kind: 'add', arg: 'splash loglevel=3' })).toEqual({
      kind: 'argument',
      arg: 'splash loglevel=3',
      problem: 'space',
    });
    expect(store.getState().kargEdits).toEqual([]);
    await s.kargsApplyRequested();
    expect(api.calls).toEqual([]);
  });

  it('never sends a draft that the rules refuse, even one put in the store directly', async () => {
    const { api, store } = setup();
    store.setState({ kargEdits: [{ kind: 'add', arg: 'init=/bin/sh\nrw' }] });
    expect(selectKargsDraft(store.getState()).plan).toEqual({
      ok: false,
      problem: { kind: 'argument', arg: 'init=/bin/sh\nrw', problem: 'control-character' },
    });
    await store.getState().kargsApplyRequested();
    expect(api.calls).toEqual([]);
  });

  it('refuses duplicates, missing arguments, ambiguous keys and managed keys', () => {
    const { store } = setup();
    const s = store.getState();
    expect([
      s.kargEdited({ kind: 'add', arg: 'quiet' }),
      s.kargEdited({ kind: 'remove', arg: 'nomodeset' }),
      s.kargEdited({ kind: 'replace', from: 'console', to: 'console=tty1' }),
      s.kargEdited({ kind: 'remove', arg: 'ostree=/ostree/boot.1/x' }),
    ]).toEqual([
      { kind: 'duplicate', arg: 'quiet' },
      { kind: 'not-present', arg: 'nomodeset' },
      { kind: 'ambiguous', key: 'console' },
      { kind: 'argument', arg: 'ostree=/ostree/boot.1/x', problem: 'managed' },
    ]);
    expect(store.getState().kargEdits).toEqual([]);
  });

  it('says why for every kind of problem', () => {
    const problems: KernelArgsChangeProblem[] = [
      { kind: 'argument', arg: 'a\nb', problem: 'control-character' },
      { kind: 'argument', arg: 'a b', problem: 'space' },
      { kind: 'argument', arg: 'a="b', problem: 'unbalanced-quote' },
      { kind: 'argument', arg: '-x', problem: 'bad-key' },
      { kind: 'argument', arg: 'ostree=/x', problem: 'managed' },
      { kind: 'argument', arg: 'x'.repeat(600), problem: 'too-long' },
      { kind: 'argument', arg: '', problem: 'empty' },
      { kind: 'duplicate', arg: 'quiet' },
      { kind: 'not-present', arg: 'splash' },
      { kind: 'ambiguous', key: 'console' },
      { kind: 'no-change' },
      { kind: 'line-too-long', length: 2100 },
    ];
    expect(problems.map(kargsChangeProblemText)).toEqual([
      'Arguments cannot contain line breaks, tabs or other control characters.',
      'No spaces, except inside double quotes ("…"): add one argument at a time.',
      'A double quote is opened and never closed.',
      'The name before “=” must start with a letter, a digit or _ and contain only letters, digits, _ . and -.',
      'ostree= is set by the system for each deployment and cannot be edited.',
      'One argument has at most 512 characters.',
      'Type an argument, for example quiet or name=value.',
      '“quiet” is already on the command line.',
      '“splash” is not on the command line.',
      'console appears more than once: say which one, as console=value.',
      'Nothing would change.',
      'The command line would be 2100 characters long; the kernel reads at most 2048.',
    ]);
  });
});

describe('kargs slice: the draft and Apply', () => {
  it('sends add, edit and remove as ONE KernelArgs change, then clears the draft', async () => {
    const { api, store } = setup();
    const s = store.getState();
    expect(s.kargEdited({ kind: 'remove', arg: 'rhgb' })).toBeNull();
    expect(
      s.kargEdited({ kind: 'replace', from: 'mitigations=auto', to: 'mitigations=off' }),
    ).toBeNull();
    expect(
      s.kargEdited({ kind: 'replace', from: 'console=ttyS0,115200', to: 'console=ttyS1' }),
    ).toBeNull();
    expect(s.kargEdited({ kind: 'add', arg: 'nvidia-drm.modeset=1' })).toBeNull();
    const draft = selectKargsDraft(store.getState());
    const change = {
      added: ['nvidia-drm.modeset=1'],
      replaced: ['mitigations=off', 'console=ttyS0,115200=ttyS1'],
      removed: ['rhgb'],
    };
    expect(draft.change).toEqual(change);
    expect(kernelArgsCommandLine(draft.change)).toBe(
      'rpm-ostree kargs --delete=rhgb --replace=mitigations=off --replace=console=ttyS0,115200=ttyS1 --append=nvidia-drm.modeset=1',
    );
    await store.getState().kargsApplyRequested();
    expect(api.callArgs).toEqual([{ command: 'changeKernelArgs', args: [change] }]);
    expect(store.getState().kargEdits).toEqual([]);
    expect(store.getState().request).toEqual({ kind: 'idle' });
  });

  it('keeps the draft and reports a refusal; sends the draft once while it is on its way', async () => {
    const { api, store } = setup();
    let answer: (r: Result<null>) => void = () => undefined;
    api.answers.changeKernelArgs = () => new Promise((resolve) => (answer = resolve));
    store.getState().kargEdited({ kind: 'add', arg: 'quiet=1' });
    const first = store.getState().kargsApplyRequested();
    await store.getState().kargsApplyRequested();
    expect(api.calls).toEqual(['changeKernelArgs']);
    expect(store.getState().kargsApplying).toBe(true);
    answer({ ok: false, error: { kind: 'not-authorized', message: 'Not authorized' } });
    await first;
    expect(store.getState().request).toEqual({
      kind: 'failed',
      command: 'changeKernelArgs',
      error: { kind: 'not-authorized', message: 'Not authorized' },
    });
    expect(store.getState().kargEdits).toEqual([{ kind: 'add', arg: 'quiet=1' }]);
  });

  it('edits the pending deployment’s arguments when one is pending', () => {
    const { store } = setup();
    const system = typicalSystem();
    store.getState().stateReceived(
      readyState({
        ...system,
        bootOptions: [
          { deploymentId: system.pendingId ?? '', options: kernelCommandLine('a', 'splash') },
          { deploymentId: system.bootedId ?? '', options: kernelCommandLine('c') },
        ],
      }),
    );
    expect(store.getState().kargEdited({ kind: 'remove', arg: 'splash' })).toBeNull();
    expect(selectKargsDraft(store.getState()).base).toBe(kernelCommandLine('a', 'splash'));
  });

  it('undoes a pending change before the reboot with a new change on top of it', async () => {
    const { api, store } = setup();
    const system = typicalSystem();
    const pendingLine = kernelCommandLine('a', 'nvidia-drm.modeset=1').replace(' rhgb', '');
    store.getState().stateReceived(
      readyState({
        ...system,
        bootOptions: [
          { deploymentId: system.pendingId ?? '', options: pendingLine },
          { deploymentId: system.bootedId ?? '', options: kernelCommandLine('c') },
        ],
      }),
    );
    store.getState().kargsRevertRequested();
    expect(store.getState().kargEdits).toEqual([
      { kind: 'remove', arg: 'nvidia-drm.modeset=1' },
      { kind: 'add', arg: 'rhgb' },
    ]);
    await store.getState().kargsApplyRequested();
    expect(api.callArgs).toEqual([
      {
        command: 'changeKernelArgs',
        args: [{ added: ['rhgb'], replaced: [], removed: ['nvidia-drm.modeset=1'] }],
      },
    ]);
  });

  it('cannot edit while the line is not known', () => {
    const { store } = setup();
    store.getState().stateReceived(readyState(unstagedSystem({ bootOptions: [] })));
    expect(store.getState().kargEdited({ kind: 'add', arg: 'quiet=1' })).toBe('unknown-base');
  });

  it('undoes one edit, or discards the draft', () => {
    const { store } = setup();
    store.getState().kargEdited({ kind: 'add', arg: 'a=1' });
    store.getState().kargEdited({ kind: 'add', arg: 'b=2' });
    const [first] = store.getState().kargEdits;
    if (first) store.getState().kargEditUndone(first);
    expect(store.getState().kargEdits).toEqual([{ kind: 'add', arg: 'b=2' }]);
    store.getState().kargsDraftDiscarded();
    expect(store.getState().kargEdits).toEqual([]);
  });
});

describe('kargs draft helpers', () => {
  const base = splitKernelArgs(LINE);

  it('changes a value libostree cannot address with `=` by delete + append', () => {
    expect(
      changeOf(base, [
        {
          kind: 'replace',
          from: 'rootflags=subvol=root',
          to: 'rootflags=subvol=root,compress=zstd',
        },
        { kind: 'replace', from: 'rhgb', to: 'splash' },
      ]),
    ).toEqual({
      added: ['rootflags=subvol=root,compress=zstd', 'splash'],
      replaced: [],
      removed: ['rootflags=subvol=root', 'rhgb'],
    });
  });

  it('pairs each base argument with its edit and marks the managed one', () => {
    const rows = kargRows(LINE, [{ kind: 'remove', arg: 'rhgb' }]);
    expect(
      rows
        .filter((r) => r.edit || r.managed)
        .map((r) => [r.arg.slice(0, 7), r.edit?.kind ?? 'managed']),
    ).toEqual([
      ['rhgb', 'remove'],
      ['ostree=', 'managed'],
    ]);
  });

  it('previews the exact result: removed in place, changed in place, added at the end', () => {
    const change = {
      added: ['nvidia-drm.modeset=1'],
      replaced: ['mitigations=off'],
      removed: ['rhgb'],
    };
    const result = base
      .filter((a) => a !== 'rhgb')
      .map((a) => (a === 'mitigations=auto' ? 'mitigations=off' : a));
    const ostree = base.find((a) => a.startsWith('ostree='));
    const marks = previewChange(base, change, [...result, 'nvidia-drm.modeset=1'])
      .filter((tok) => tok.mark !== 'kept' || tok.managed)
      .map((tok) => [tok.arg, tok.mark, tok.previous]);
    expect(marks).toEqual([
      ['rhgb', 'removed', null],
      ['mitigations=off', 'changed', 'mitigations=auto'],
      [ostree, 'kept', null],
      ['nvidia-drm.modeset=1', 'added', null],
    ]);
  });

  it('compares running and pending lines, ostree= aside', () => {
    const marks = compareArgs(['rw', 'rhgb', 'ostree=/a'], ['rw', 'ostree=/b', 'quiet']).map(
      (tok) => `${tok.mark}:${tok.arg}`,
    );
    expect(marks).toEqual(['kept:rw', 'kept:ostree=/b', 'added:quiet', 'removed:rhgb']);
  });

  it('offers suggestions as picks: add, use instead, already set, already drafted', () => {
    const use = (arg: string, edits: readonly KargEdit[] = []) => {
      const suggestion = kargSuggestions.find((s) => s.arg === arg);
      if (!suggestion) throw new Error(arg);
      return suggestionUse(LINE, edits, suggestion);
    };
    expect([
      use('nvidia-drm.modeset=1'),
      use('mitigations=off'),
      use('quiet'),
      use('console=tty0'),
      suggestionUse(LINE, [{ kind: 'add', arg: 'amd_pstate=active' }], {
        arg: 'amd_pstate=active',
        about: 'kargAbout_amdPstate',
      }),
      use('mitigations=auto', [
        { kind: 'replace', from: 'mitigations=auto', to: 'mitigations=off' },
      ]),
      use('console=tty0', [{ kind: 'remove', arg: 'console=tty0' }]),
    ]).toEqual([
      { kind: 'add', edit: { kind: 'add', arg: 'nvidia-drm.modeset=1' } },
      {
        kind: 'replace',
        edit: { kind: 'replace', from: 'mitigations=auto', to: 'mitigations=off' },
        current: 'mitigations=auto',
      },
      { kind: 'present' },
      { kind: 'present' },
      { kind: 'drafted' },
      { kind: 'key-drafted', key: 'mitigations' },
      { kind: 'key-drafted', key: 'console' },
    ]);
    expect(kargSuggestions.map((s) => s.arg)).toEqual(
      expect.arrayContaining([
        'nvidia-drm.modeset=1',
        'quiet',
        'rhgb',
        'mitigations=off',
        'mitigations=auto',
        'init_on_alloc=0',
        'init_on_alloc=1',
        'amd_pstate=active',
        'rd.driver.blacklist=nouveau',
        'modprobe.blacklist=nouveau',
        'systemd.unified_cgroup_hierarchy=0',
      ]),
    );
  });
});
