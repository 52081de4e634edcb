import type { InterfaceSpec } from '../service/interface-spec.ts';

/** org.freedesktop.DBus.ObjectManager as GDBusObjectManagerServer introspects it. */
export const OBJECT_MANAGER_SPEC: InterfaceSpec = {
  name: 'org.freedesktop.DBus.ObjectManager',
  methods: {
    GetManagedObjects: {
      out: [{ name: 'object_paths_interfaces_and_properties', type: 'a{oa{sa{sv}}}' }],
    },
  },
  signals: {
    InterfacesAdded: {
      args: [
        { name: 'object_path', type: 'o' },
        { name: 'interfaces_and_properties', type: 'a{sa{sv}}' },
      ],
    },
    InterfacesRemoved: {
      args: [
        { name: 'object_path', type: 'o' },
        { name: 'interfaces', type: 'as' },
      ],
    },
  },
};
