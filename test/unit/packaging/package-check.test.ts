import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asarEntries, listAsar } from '../../../scripts/package-asar.ts';
import {
  packageDirs,
  requiredPackages,
  runtimePackageClosure,
} from '../../../scripts/package-check.ts';
import { fpmMappings } from '../../../scripts/package-layout.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('packaging');
const temp = dir.path;
afterAll(() => dir.remove());

/** An asar archive as electron/asar writes it: two pickles, then the file bytes. */
function writeAsar(path: string, header: unknown): void {
  const json = Buffer.from(JSON.stringify(header));
  const padded = Math.ceil(json.length / 4) * 4;
  const prefix = Buffer.alloc(16);
  prefix.writeUInt32LE(4, 0);
  prefix.writeUInt32LE(padded + 8, 4);
  prefix.writeUInt32LE(padded + 4, 8);
  prefix.writeUInt32LE(json.length, 12);
  writeFileSync(
    path,
    Buffer.concat([prefix, json, Buffer.alloc(padded - json.length), Buffer.from('abc')]),
  );
}

describe('listAsar', () => {
  it('lists files, links and unpacked files of nested directories, sorted', () => {
    const archive = join(temp, 'app.asar');
    writeAsar(archive, {
      files: {
        'package.json': { size: 3, offset: '0' },
        dist: {
          files: {
            'helper.cjs': { size: 10, unpacked: true },
            'main.cjs': { size: 3, offset: '0', executable: true },
          },
        },
        bin: { files: { tool: { link: 'dist/main.cjs' } } },
      },
    });
    expect(listAsar(archive)).toEqual([
      { path: 'bin/tool', kind: 'link', unpacked: false },
      { path: 'dist/helper.cjs', kind: 'file', unpacked: true },
      { path: 'dist/main.cjs', kind: 'file', unpacked: false },
      { path: 'package.json', kind: 'file', unpacked: false },
    ]);
  });

  it('refuses what is not an asar archive', () => {
    const bogus = join(temp, 'bogus.asar');
    writeFileSync(bogus, Buffer.from('PK\u0003\u0004 this is a zip file'));
    expect(() => listAsar(bogus)).toThrow(/not an asar archive/);
    expect(() => asarEntries({ files: { a: 'b' } })).toThrow(/bad entry a/);
  });
});

describe('requiredPackages', () => {
  it('keeps bare package names and drops built-ins, electron and relative paths', () => {
    const bundle = [
      'var a = require("dbus-next");',
      'var b = require("dbus-next/lib/bus.js");',
      "var c = require('@scope/pkg/sub');",
      'var d = require("node:fs"), e = require("path"), f = require("electron");',
      'var g = require("./local.js"); var h = require("zod");',
    ].join('\n');
    expect(requiredPackages(bundle)).toEqual(['@scope/pkg', 'dbus-next', 'zod']);
  });
});

describe('runtimePackageClosure', () => {
  it('follows dependencies and installed optional ones, nearest node_modules first', () => {
    const project = join(temp, 'project');
    const pkg = (dir: string, manifest: object): void => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
    };
    const modules = join(project, 'node_modules');
    pkg(join(modules, 'a'), {
      dependencies: { b: '1', c: '2' },
      optionalDependencies: { gone: '1' },
    });
    pkg(join(modules, 'b'), { optionalDependencies: { '@s/d': '1' } });
    pkg(join(modules, 'c'), { version: '1' });
    pkg(join(modules, 'a', 'node_modules', 'c'), { version: '2', dependencies: { b: '1' } });
    pkg(join(modules, '@s', 'd'), {});
    pkg(join(modules, 'unrelated'), {});
    expect(runtimePackageClosure(project, ['a'])).toEqual(['@s/d', 'a', 'a/node_modules/c', 'b']);
    expect(() => runtimePackageClosure(project, ['missing'])).toThrow(
      /cannot resolve the package missing/,
    );
  });
});

describe('packageDirs', () => {
  it('finds every package, scoped and nested, that archive paths have files in', () => {
    expect(
      packageDirs([
        'package.json',
        'node_modules/a/index.js',
        'node_modules/a/node_modules/c/lib/c.js',
        'node_modules/@s/d/package.json',
        'dist/node_modules/x/y.js',
      ]),
    ).toEqual(['@s/d', 'a', 'a/node_modules/c']);
  });
});

describe('fpmMappings', () => {
  it('takes the source=/target arguments and skips options with their values', () => {
    expect(
      fpmMappings([
        '--architecture',
        'amd64',
        '--description',
        'a=/b looks like a mapping but is a value',
        'build/x=/usr/libexec/x',
        '/tmp/linux-unpacked/=/opt/OSTree Update Manager',
      ]),
    ).toEqual([
      { source: 'build/x', target: '/usr/libexec/x' },
      { source: '/tmp/linux-unpacked/', target: '/opt/OSTree Update Manager' },
    ]);
  });
});
