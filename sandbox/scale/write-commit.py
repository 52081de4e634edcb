#!/usr/bin/python3
"""Writes a commit that reuses SOURCE's tree and metadata with a new version and
rpmostree.rpmdb.pkglist (read as JSON from stdin), through libostree, because a
pkglist of thousands of rows is too long for one `ostree commit` argument.

usage: write-commit.py REPO SOURCE  < {"version", "timestamp", "pkglist": [[n,e,v,r,a]…]}
prints the new checksum.
"""
import json
import sys

import gi

gi.require_version("OSTree", "1.0")
from gi.repository import Gio, GLib, OSTree  # noqa: E402

repo_path, source = sys.argv[1], sys.argv[2]
spec = json.load(sys.stdin)
repo = OSTree.Repo.new(Gio.File.new_for_path(repo_path))
repo.open(None)
_, rev = repo.resolve_rev(source, False)
_, root, _ = repo.read_commit(rev, None)
_, commit, _ = repo.load_commit(rev)
old = commit.get_child_value(0)
meta = {}
for i in range(old.n_children()):
    entry = old.get_child_value(i)
    meta[entry.get_child_value(0).get_string()] = entry.get_child_value(1).get_variant()
meta["version"] = GLib.Variant("s", spec["version"])
meta["rpmostree.rpmdb.pkglist"] = GLib.Variant(
    "a(sssss)", [tuple(p) for p in spec["pkglist"]]
)
repo.prepare_transaction(None)
_, checksum = repo.write_commit_with_time(
    None, "", None, GLib.Variant("a{sv}", meta), root, spec["timestamp"], None
)
repo.commit_transaction(None)
print(checksum)
