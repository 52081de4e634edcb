import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setAutomaticUpdatePolicy } from '../../../daemon-bridge/helper/update-policy.ts';
import { describeReloadError } from '../../../daemon-bridge/helper/reload-config.ts';
import { DBusCallError } from '../../../daemon-bridge/dbus/call.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('setAutomaticUpdatePolicy', () => {
  const dirs: { path: string; remove(): void }[] = [];
  const dir = () => {
    const d = tempDir('helper-policy');
    dirs.push(d);
    return d.path;
  };
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
  const reloads: string[] = [];
  const reload = () => {
    reloads.push('reload');
    return Promise.resolve();
  };

  it('edits the file in place of the old one, keeps its mode, then reloads', async () => {
    const path = join(dir(), 'rpm-ostreed.conf');
    writeFileSync(path, '[Daemon]\n#AutomaticUpdatePolicy=none\nIdleExitTimeout=60\n');
    chmodSync(path, 0o640);
    const inode = statSync(path).ino;
    reloads.length = 0;
    expect(await setAutomaticUpdatePolicy(path, 'check', reload, describeReloadError)).toEqual({
      ok: true,
      value: null,
    });
    expect(readFileSync(path, 'utf8')).toBe(
      '[Daemon]\n#AutomaticUpdatePolicy=none\nAutomaticUpdatePolicy=check\nIdleExitTimeout=60\n',
    );
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(statSync(path).ino).not.toBe(inode); // renamed over, not rewritten
    expect(reloads).toEqual(['reload']);
  });

  it('creates a missing file (and directory) with mode 0644, leaving no temp file', async () => {
    const root = dir();
    const path = join(root, 'etc', 'apt-ostreed', 'apt-ostreed.conf');
    expect(
      await setAutomaticUpdatePolicy(path, 'stage', reload, describeReloadError),
    ).toMatchObject({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe('[Daemon]\nAutomaticUpdatePolicy=stage\n');
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(readdirSync(join(root, 'etc', 'apt-ostreed'))).toEqual(['apt-ostreed.conf']);
  });

  it('follows a symbolic link and keeps it', async () => {
    const root = dir();
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'conf'), '[Daemon]\n');
    symlinkSync(join(root, 'real', 'conf'), join(root, 'link'));
    await setAutomaticUpdatePolicy(join(root, 'link'), 'none', reload, describeReloadError);
    expect(readFileSync(join(root, 'real', 'conf'), 'utf8')).toBe(
      '[Daemon]\nAutomaticUpdatePolicy=none\n',
    );
  });

  it('says the file was written when the daemon does not reload', async () => {
    const path = join(dir(), 'rpm-ostreed.conf');
    const refused = () =>
      Promise.reject(
        new DBusCallError(
          'org.freedesktop.DBus.Error.AccessDenied',
          'Not authorized',
          'ReloadConfig',
        ),
      );
    expect(await setAutomaticUpdatePolicy(path, 'stage', refused, describeReloadError)).toEqual({
      ok: false,
      error: {
        kind: 'not-authorized',
        detail: 'org.freedesktop.DBus.Error.AccessDenied',
        message: `AutomaticUpdatePolicy=stage was written to ${path}, but the update daemon did not reload its configuration (Not authorized); it applies when the daemon restarts.`,
      },
    });
    expect(readFileSync(path, 'utf8')).toContain('AutomaticUpdatePolicy=stage');
    const unreachable = () =>
      Promise.reject(new Error('connect ENOENT /run/dbus/system_bus_socket'));
    const result = await setAutomaticUpdatePolicy(path, 'none', unreachable, describeReloadError);
    expect(result).toMatchObject({ ok: false, error: { kind: 'daemon-unavailable' } });
  });

  it('fails without reloading when the file cannot be written', async () => {
    const root = dir();
    mkdirSync(join(root, 'conf'));
    reloads.length = 0;
    const result = await setAutomaticUpdatePolicy(
      join(root, 'conf'),
      'stage',
      reload,
      describeReloadError,
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'transaction-failed' } });
    expect(reloads).toEqual([]);
  });
});
