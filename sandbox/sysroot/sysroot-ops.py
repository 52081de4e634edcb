#!/usr/bin/python3
"""Sysroot changes the ostree 2022.7 CLI cannot make, through libostree as
rpm-ostreed makes them.  Usage: sysroot-ops.py SYSROOT set-default INDEX
  set-default: moves deployment INDEX to the top of the boot order
  (ostree_sysroot_write_deployments, what `rpm-ostree rollback` does)."""
import sys

import gi

gi.require_version("OSTree", "1.0")
from gi.repository import Gio, GLib, OSTree  # noqa: E402


def main():
    path, op = sys.argv[1:3]
    sysroot = OSTree.Sysroot.new(Gio.File.new_for_path(path))
    sysroot.load(None)
    deployments = sysroot.get_deployments()
    if op == "set-default":
        index = int(sys.argv[3])
        chosen = deployments[index]
        rest = [d for i, d in enumerate(deployments) if i != index]
        sysroot.write_deployments([chosen] + rest, None)
    else:
        raise SystemExit("unknown operation " + op)


try:
    main()
except GLib.Error as e:
    sys.stderr.write(e.message + "\n")
    sys.exit(1)
