#!/usr/bin/python3
"""A GLib client of a transaction socket, for the p2p interop tests.

Connects the way rpm-ostree's CLI does (Gio.DBusConnection.new_for_address_sync with
AUTHENTICATION_CLIENT: SASL EXTERNAL, NEGOTIATE_UNIX_FD, BEGIN pipelined with the first
message), subscribes to the Transaction signals on "/", reads the properties through a
GDBusProxy, calls Start until Finished, then Start again to get the re-emitted Finished.
Prints one JSON object with everything it saw.

usage: txn-client.py ADDRESS [--cancel] [--hello]
  --cancel  call Cancel() after the first PercentProgress
  --hello   also call org.freedesktop.DBus.Hello on the peer, as a bus client would
"""
import json
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

IFACE = "org.projectatomic.rpmostree1.Transaction"
TIMEOUT_MS = 10000


def plain(value):
    """GVariant-unpacked values -> JSON-able (tuples -> lists, variants unpacked)."""
    if isinstance(value, GLib.Variant):
        return plain(value.unpack())
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def call(conn, iface, path, method, reply_type=None):
    return conn.call_sync(None, path, iface, method, None,
                          GLib.VariantType(reply_type) if reply_type else None,
                          Gio.DBusCallFlags.NONE, TIMEOUT_MS, None)


def main():
    address = sys.argv[1]
    cancel = "--cancel" in sys.argv
    out = {"signals": [], "starts": [], "finished_count": 0}
    loop = GLib.MainLoop()
    conn = Gio.DBusConnection.new_for_address_sync(
        address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT, None, None)
    out["guid"] = conn.get_guid()
    out["capabilities"] = int(conn.get_capabilities())

    def on_signal(_conn, _sender, path, _iface, name, params):
        out["signals"].append([name, plain(params)])
        if name == "PercentProgress" and cancel and "cancel" not in out:
            out["cancel"] = plain(call(conn, IFACE, "/", "Cancel"))
        if name == "Finished":
            out["finished_count"] += 1
            loop.quit()

    conn.signal_subscribe(None, IFACE, None, "/", None, Gio.DBusSignalFlags.NONE, on_signal)

    xml = call(conn, "org.freedesktop.DBus.Introspectable", "/", "Introspect", "(s)").unpack()[0]
    out["introspect_has_iface"] = IFACE in xml
    proxy = Gio.DBusProxy.new_sync(conn, Gio.DBusProxyFlags.NONE, None, None, "/", IFACE, None)
    out["title"] = plain(proxy.get_cached_property("Title"))
    out["initiator"] = plain(proxy.get_cached_property("InitiatingClientDescription"))

    if "--hello" in sys.argv:
        try:
            call(conn, "org.freedesktop.DBus", "/org/freedesktop/DBus", "Hello", "(s)")
            out["hello_error"] = None
        except GLib.Error as err:
            out["hello_error"] = [Gio.DBusError.get_remote_error(err), err.message]

    def run_until_finished():
        GLib.timeout_add(TIMEOUT_MS, lambda: (out.setdefault("timed_out", True), loop.quit()))
        loop.run()

    out["starts"].append(plain(call(conn, IFACE, "/", "Start", "(b)"))[0])
    run_until_finished()
    # A late Start: false, and the daemon re-emits Finished to this connection only.
    out["starts"].append(plain(call(conn, IFACE, "/", "Start", "(b)"))[0])
    run_until_finished()
    conn.close_sync(None)
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
