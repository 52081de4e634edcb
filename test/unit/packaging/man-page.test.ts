import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP_TEXT } from '../../../daemon-bridge/launch/options.ts';
import { BUILD_FILES, helpEnvironment, helpFlags } from '../../../scripts/package-layout.ts';
import { repoRoot } from '../../support/reference.ts';

/** Man page source as words: `\-` is a hyphen, `\:` a break point, `\fB`… a font change. */
function plainRoff(source: string): string {
  return source
    .replace(/\\-/g, '-')
    .replace(/\\:/g, '')
    .replace(/\\f[BIRP]/g, '');
}

const manPage = plainRoff(readFileSync(join(repoRoot, BUILD_FILES.manPage), 'utf8'));
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
};

describe('build/ostree-update-manager.1', () => {
  it('reads the flags out of HELP_TEXT (so the next check cannot pass on an empty list)', () => {
    expect(helpFlags(HELP_TEXT)).toEqual(
      expect.arrayContaining([
        '--web',
        '--port',
        '--sandbox',
        '--sandbox-dir',
        '--tray',
        '-h',
        '--help',
      ]),
    );
    expect(helpFlags('uses rpm-ostree and apt-layer over D-Bus')).toEqual([]);
    expect(helpEnvironment(HELP_TEXT)).toEqual(['DBUS_SYSTEM_BUS_ADDRESS']);
  });

  it('describes every flag and environment variable of --help', () => {
    const missing = [...helpFlags(HELP_TEXT), ...helpEnvironment(HELP_TEXT)].filter(
      (word) => !new RegExp(`(?<![\\w-])${word}(?![\\w-])`).test(manPage),
    );
    expect(missing, 'add them to build/ostree-update-manager.1').toEqual([]);
  });

  it('gives every flag an entry of its own under OPTIONS', () => {
    const options = manPage.slice(
      manPage.indexOf('.SH OPTIONS'),
      manPage.indexOf('.SH ENVIRONMENT'),
    );
    const described = [...options.matchAll(/^\.TP\n\.B[IR]? (.+)$/gm)].flatMap((m) =>
      [...m[1]!.matchAll(/--?[a-z][a-z0-9-]*/g)].map((f) => f[0]),
    );
    expect([...described].sort()).toEqual([...helpFlags(HELP_TEXT)].sort());
  });

  it('carries the version being packaged', () => {
    expect(manPage).toMatch(new RegExp(`^\\.TH .* "OSTree Update Manager ${pkg.version}"`, 'm'));
  });
});
