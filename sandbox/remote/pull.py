#!/usr/bin/python3
"""Pulls REF from REMOTE into REPO with libostree, like rpm-ostreed does, and
reports OstreeAsyncProgress as JSON lines on stdout:
  {"progress": {...all keys rpm-ostree reads...}}  or  {"status": "text"}
then {"done": "<checksum>"}.  Usage: pull.py REPO REMOTE REF|CHECKSUM [--commit-only] [--depth N]
Killing the process cancels the pull (nothing is committed to the ref)."""
import json
import sys

import gi

gi.require_version("OSTree", "1.0")
from gi.repository import Gio, GLib, OSTree  # noqa: E402

U = ["outstanding-fetches", "outstanding-writes", "scanned-metadata", "metadata-fetched",
     "outstanding-metadata-fetches", "total-delta-parts", "fetched-delta-parts",
     "total-delta-superblocks", "fetched", "requested"]
T = ["start-time", "total-delta-part-size", "bytes-transferred"]


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def on_changed(progress):
    status = progress.get_status()
    if status:
        emit({"status": status})
        return
    values = {}
    for key in U + T:
        v = progress.get_variant(key)
        values[key] = v.unpack() if v is not None else 0
    values["now"] = GLib.get_monotonic_time()
    emit({"progress": values})


def main():
    repo_path, remote, ref = sys.argv[1:4]
    flags = OSTree.RepoPullFlags.NONE
    extra = sys.argv[4:]
    if "--commit-only" in extra:
        flags |= OSTree.RepoPullFlags.COMMIT_ONLY
    depth = int(extra[extra.index("--depth") + 1]) if "--depth" in extra else 0
    repo = OSTree.Repo.new(Gio.File.new_for_path(repo_path))
    repo.open(None)
    progress = OSTree.AsyncProgress.new()
    progress.connect("changed", on_changed)
    options = GLib.Variant("a{sv}", {
        "refs": GLib.Variant("as", [ref]),
        "flags": GLib.Variant("i", int(flags)),
        "depth": GLib.Variant("i", depth),
    })
    repo.pull_with_options(remote, options, progress, None)
    progress.finish()
    is_checksum = len(ref) == 64 and all(c in "0123456789abcdef" for c in ref)
    rev = ref if is_checksum else repo.resolve_rev(remote + ":" + ref, False)[1]
    emit({"done": rev})


try:
    main()
except GLib.Error as e:
    sys.stderr.write(e.message + "\n")
    sys.exit(1)
