import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osObjectPath, RPM_OSTREE } from '../../daemon-bridge/rpm-ostree/profile.ts';
import { startSandbox } from '../../sandbox/launch.ts';
import type { RunningSandbox } from '../../sandbox/launch.ts';
import { parseIntrospection } from '../support/introspection-xml.ts';
import type { IntrospectedInterface } from '../support/introspection-xml.ts';
import { referenceDir } from '../support/reference.ts';
import { sandboxTempDir } from '../support/sandbox-dir.ts';

const PREFIX = RPM_OSTREE.interfacePrefix;

/** What GLib's own tool sees on the bus (not the sandbox's view of itself). */
function gdbusIntrospect(address: string, path: string): Record<string, IntrospectedInterface> {
  const xml = execFileSync(
    'gdbus',
    [
      'introspect',
      '--address',
      address,
      '--dest',
      RPM_OSTREE.busName,
      '--object-path',
      path,
      '--xml',
    ],
    { encoding: 'utf8' },
  );
  return parseIntrospection(xml);
}

describe('sandbox daemon introspection equals the real interface file', () => {
  const dir = sandboxTempDir('sbx-introspect');
  let sandbox: RunningSandbox;
  const reference = parseIntrospection(
    readFileSync(join(referenceDir(), 'org.projectatomic.rpmostree1.xml'), 'utf8'),
  );

  beforeAll(async () => {
    sandbox = await startSandbox({ dir: dir.path, log: () => undefined });
  });
  afterAll(async () => {
    await sandbox?.stop();
    await dir.remove();
  });

  const objects = () => ({
    [RPM_OSTREE.sysrootPath]: gdbusIntrospect(sandbox.address, RPM_OSTREE.sysrootPath),
    [osObjectPath(RPM_OSTREE, 'fedora')]: gdbusIntrospect(
      sandbox.address,
      osObjectPath(RPM_OSTREE, 'fedora'),
    ),
  });

  it('serves Sysroot, OS and OSExperimental where the daemon does', () => {
    const found = Object.fromEntries(
      Object.entries(objects()).map(([path, ifaces]) => [
        path,
        Object.keys(ifaces)
          .filter((n) => n.startsWith(PREFIX))
          .sort(),
      ]),
    );
    expect(found).toEqual({
      [RPM_OSTREE.sysrootPath]: [`${PREFIX}.Sysroot`],
      [osObjectPath(RPM_OSTREE, 'fedora')]: [`${PREFIX}.OS`, `${PREFIX}.OSExperimental`],
    });
  });

  it('every implemented member matches the XML: names, args, directions, types, access, annotations', () => {
    let compared = 0;
    for (const ifaces of Object.values(objects())) {
      for (const [name, served] of Object.entries(ifaces)) {
        if (!name.startsWith(PREFIX)) continue;
        const ref = reference[name];
        expect(ref, `${name} exists in the interface file`).toBeDefined();
        for (const kind of ['methods', 'properties', 'signals'] as const) {
          for (const [member, shape] of Object.entries(served[kind])) {
            expect(shape, `${name}.${member}`).toEqual(ref![kind][member]);
            compared++;
          }
        }
      }
    }
    // Sysroot 5 methods + 6 properties, OS 6 properties, OSExperimental.Moo.
    expect(compared).toBeGreaterThanOrEqual(18);
  });

  it('implements the whole Sysroot interface and every OS property', () => {
    const all = objects();
    const sysroot = all[RPM_OSTREE.sysrootPath]![`${PREFIX}.Sysroot`]!;
    const os = all[osObjectPath(RPM_OSTREE, 'fedora')]![`${PREFIX}.OS`]!;
    const ref = (n: string) => reference[`${PREFIX}.${n}`]!;
    expect(Object.keys(sysroot.methods).sort()).toEqual(Object.keys(ref('Sysroot').methods).sort());
    expect(Object.keys(sysroot.properties).sort()).toEqual(
      Object.keys(ref('Sysroot').properties).sort(),
    );
    expect(Object.keys(os.properties).sort()).toEqual(Object.keys(ref('OS').properties).sort());
  });

  it('the root object is a GDBus-style ObjectManager', () => {
    const root = gdbusIntrospect(sandbox.address, RPM_OSTREE.rootPath);
    expect(root['org.freedesktop.DBus.ObjectManager']).toEqual({
      methods: {
        GetManagedObjects: {
          args: [
            {
              name: 'object_paths_interfaces_and_properties',
              type: 'a{oa{sa{sv}}}',
              direction: 'out',
            },
          ],
          annotations: {},
        },
      },
      properties: {},
      signals: {
        InterfacesAdded: {
          args: [
            { name: 'object_path', type: 'o', direction: 'out' },
            { name: 'interfaces_and_properties', type: 'a{sa{sv}}', direction: 'out' },
          ],
          annotations: {},
        },
        InterfacesRemoved: {
          args: [
            { name: 'object_path', type: 'o', direction: 'out' },
            { name: 'interfaces', type: 'as', direction: 'out' },
          ],
          annotations: {},
        },
      },
    });
  });
});
