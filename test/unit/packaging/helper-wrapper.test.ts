import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXECUTABLE_NAME, HELPER_BUNDLE } from '../../../scripts/package-check.ts';
import { BUILD_FILES, installDir } from '../../../scripts/package-layout.ts';
import { repoRoot } from '../../support/reference.ts';

const wrapperPath = join(repoRoot, BUILD_FILES.helperWrapper);
const wrapper = readFileSync(wrapperPath, 'utf8');

describe('build/ostree-update-manager-helper, the wrapper pkexec runs', () => {
  it('is an executable sh script that parses', () => {
    expect(wrapper.startsWith('#!/bin/sh\n')).toBe(true);
    // The packages copy the file's mode: it must be executable in the tree.
    expect(statSync(wrapperPath).mode & 0o755).toBe(0o755);
    const check = spawnSync('sh', ['-n', wrapperPath], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('runs the installed app binary as Node on the unpacked helper bundle', () => {
    const appDir = installDir(repoRoot);
    expect(wrapper).toContain(`\napp_dir='${appDir}'\n`);
    expect(wrapper).toContain(`"$app_dir/${EXECUTABLE_NAME}"`);
    expect(wrapper).toContain(`"$app_dir/resources/app.asar.unpacked/${HELPER_BUNDLE}"`);
    expect(wrapper).toMatch(/^\s+ELECTRON_RUN_AS_NODE=1 \\$/m);
  });

  it('starts the helper with an environment of its own and passes no argument on', () => {
    expect(wrapper).toMatch(/^exec \/usr\/bin\/env -i \\$/m);
    expect(wrapper).not.toMatch(/\$@|\$\*|\$[1-9]/);
  });
});
