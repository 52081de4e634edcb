#!/usr/bin/python3
"""A GLib GDBusServer playing an rpm-ostree transaction, for the p2p interop tests.

Like rpmostreed-transaction.cxx: g_dbus_server_new_sync on unix:path=, chmod 0666,
the Transaction object registered at "/" on every new connection, Start() true for
the first caller and false later (re-emitting Finished to a late caller only),
Cancel(), signals broadcast to every peer. Emits the same sequence as
test/integration/p2p-txn-steps.ts.

usage: txn-server.py SOCKET SCENARIO   (scenario: ok | fail | cancel | hang)
prints "READY <address>", then "PEER uid=<n>", "CALL Start:true", "CALL Cancel" on stdout.
"""
import os
import signal
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

IFACE = "org.projectatomic.rpmostree1.Transaction"
TITLE = "upgrade (download only)"
INITIATOR = "client(id:oum-test dbus:1.42 unit:session-1.scope uid:0)"
COMMIT = "a" * 64
XML = f"""
<node>
  <interface name="{IFACE}">
    <property name="Title" type="s" access="read"/>
    <property name="InitiatingClientDescription" type="s" access="read"/>
    <method name="Cancel"/>
    <method name="Start"><arg type="b" name="started" direction="out"/></method>
    <signal name="Finished"><arg name="success" type="b"/><arg name="error_message" type="s"/></signal>
    <signal name="Message"><arg name="text" type="s"/></signal>
    <signal name="TaskBegin"><arg name="text" type="s"/></signal>
    <signal name="TaskEnd"><arg name="text" type="s"/></signal>
    <signal name="PercentProgress"><arg name="text" type="s"/><arg name="percentage" type="u"/></signal>
    <signal name="DownloadProgress">
      <arg name="time" type="(tt)"/><arg name="outstanding" type="(uu)"/>
      <arg name="metadata" type="(uuu)"/><arg name="delta" type="(uuut)"/>
      <arg name="content" type="(uu)"/><arg name="transfer" type="(tt)"/>
    </signal>
    <signal name="SignatureProgress"><arg name="signature" type="av"/><arg name="commit" type="s"/></signal>
    <signal name="ProgressEnd"/>
  </interface>
</node>"""

SIG15 = GLib.Variant("(bbbbbsxxsssssxx)", (True, False, False, False, False, "A1B2C3D4E5F60718",
                     1700000000, 0, "RSA", "SHA256", "Fedora (40)", "fedora-40@fedoraproject.org",
                     "F00DF00DF00DF00D", 0, 0))
SIG13 = GLib.Variant("(bbbbbsxxsssss)", (False, False, False, False, True, "DEADBEEFDEADBEEF",
                     1600000000, 1900000000, "", "", "[unknown name]", "[unknown email]", ""))
OPENING = [
    ("TaskBegin", "(s)", ("Scanning metadata",)),
    ("TaskEnd", "(s)", ("done",)),
    ("DownloadProgress", "((tt)(uu)(uuu)(uuut)(uu)(tt))",
     ((1700000000123456, 3), (1, 0), (10, 5, 0), (2, 1, 0, 5000000000), (5, 10), (123456, 4096))),
    ("Message", "(s)", ("Receiving objects; 50% (5/10) 4,1 kB/s 123,5 kB",)),
    ("SignatureProgress", "(avs)", ([SIG15, SIG13], COMMIT)),
    ("ProgressEnd", "()", ()),
]
SCENARIOS = {
    "ok": OPENING + [
        ("PercentProgress", "(su)", ("Writing objects", 0)),
        ("PercentProgress", "(su)", ("Writing objects", 100)),
        ("ProgressEnd", "()", ()),
        ("Message", "(s)", ("Staging deployment…done",)),
        ("Finished", "(bs)", (True, "")),
    ],
    "fail": OPENING + [("Finished", "(bs)", (False, "[7] Couldn't connect to server"))],
    "cancel": [("TaskBegin", "(s)", ("Downloading",)), ("loop-until-cancelled", None, None),
               ("Finished", "(bs)", (False, "Operation was cancelled"))],
    "hang": [("TaskBegin", "(s)", ("Waiting forever",)), ("hang", None, None)],
}


def say(line):
    print(line, flush=True)


class Transaction:
    def __init__(self, scenario):
        self.steps = list(SCENARIOS[scenario])
        self.connections = []
        self.started = False
        self.cancelled = False
        self.finished = None

    def on_new_connection(self, _server, conn):
        creds = conn.get_peer_credentials()
        say(f"PEER uid={creds.get_unix_user() if creds else -1}")
        conn.register_object("/", NODE.interfaces[0], self.on_call, self.on_get, None)
        self.connections.append(conn)
        # Drop the connection when the client goes, as rpm-ostree does (spikes §2 pitfall 4).
        conn.connect("closed", lambda c, _remote, _err: self.connections.remove(c))
        return True

    def on_get(self, _conn, _sender, _path, _iface, name):
        return GLib.Variant("s", {"Title": TITLE, "InitiatingClientDescription": INITIATOR}[name])

    def on_call(self, conn, _sender, _path, _iface, method, _params, invocation):
        if method == "Start":
            first = not self.started
            say(f"CALL Start:{'true' if first else 'false'}")
            invocation.return_value(GLib.Variant("(b)", (first,)))
            if first:
                self.started = True
                GLib.timeout_add(5, self.step)
            elif self.finished is not None:
                conn.emit_signal(None, "/", IFACE, "Finished", GLib.Variant("(bs)", self.finished))
        elif method == "Cancel":
            say("CALL Cancel")
            self.cancelled = True
            invocation.return_value(None)

    def step(self):
        if not self.steps:
            return False
        name, sig, args = self.steps[0]
        if name == "hang":
            return False
        if name == "loop-until-cancelled":
            if not self.cancelled:
                self.broadcast("PercentProgress", "(su)", ("Downloading", 50))
                return True
            self.steps.pop(0)
            return True
        self.steps.pop(0)
        if name == "Finished":
            self.finished = args
        self.broadcast(name, sig, args)
        return True

    def broadcast(self, name, sig, args):
        for conn in list(self.connections):
            conn.emit_signal(None, "/", IFACE, name, GLib.Variant(sig, args))


NODE = Gio.DBusNodeInfo.new_for_xml(XML)


def main():
    socket_path, scenario = sys.argv[1], sys.argv[2]
    if os.path.exists(socket_path):
        os.unlink(socket_path)
    txn = Transaction(scenario)
    server = Gio.DBusServer.new_sync(f"unix:path={socket_path}", Gio.DBusServerFlags.NONE,
                                     Gio.dbus_generate_guid(), None, None)
    server.connect("new-connection", txn.on_new_connection)
    server.start()
    os.chmod(socket_path, 0o666)
    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    say(f"READY {server.get_client_address()}")
    loop.run()
    server.stop()


if __name__ == "__main__":
    main()
