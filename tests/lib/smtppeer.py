"""A scripted SMTP server for tests of postern's SMTP client: it offers
exactly the EHLO keywords a test names, answers each recipient as the
test decides, and can misbehave (stall, drop mid-DATA, send garbage) on
purpose. It records every command and message it receives."""

import socket
import ssl
import threading


class Peer:
    def __init__(self, caps=("PIPELINING", "8BITMIME", "SIZE 10000000"), rcpt_reply=None,
                 greeting="220 peer.test ESMTP ready", tls_context=None, smtps=False,
                 misbehave=None, host="127.0.0.1", auth=None, port=0):
        self.caps = list(caps)
        self.rcpt_reply = rcpt_reply or (lambda addr: "250 2.1.5 ok")
        self.greeting = greeting
        self.tls_context = tls_context
        self.smtps = smtps
        self.misbehave = misbehave or {}
        self.auth = auth            # (user, password) accepted with AUTH PLAIN/LOGIN
        self.commands = []          # every command line, as received
        self.reads = []             # the raw chunks received before DATA, to see pipelining
        self.messages = []          # (mail_from_line, [rcpt lines], data bytes)
        self.connections = 0
        self.tls_sessions = 0
        self.authenticated = []
        self.sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def close(self):
        try:
            # shutdown wakes the thread blocked in accept(); close alone does not
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        try:
            self.sock.close()
        except OSError:
            pass

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn):
        try:
            conn.settimeout(30)
            # replies to pipelined commands go out as separate writes:
            # without this, Nagle holds each until the client's delayed ACK
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self.smtps:
                conn = self.tls_context.wrap_socket(conn, server_side=True)
                self.tls_sessions += 1
            f = conn.makefile("rb")
            self._dialogue(conn, f)
        except (OSError, ssl.SSLError, ValueError):
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def _send(self, conn, text):
        conn.sendall(text.encode() + b"\r\n")

    def _ehlo(self, conn):
        lines = ["250-peer.test"] + ["250-" + c for c in self.caps]
        if self.tls_context and not self.smtps and not isinstance(conn, ssl.SSLSocket):
            lines.append("250-STARTTLS")
        if self.auth:
            lines.append("250-AUTH PLAIN LOGIN")
        lines[-1] = "250 " + lines[-1][4:]
        conn.sendall(("\r\n".join(lines) + "\r\n").encode())

    def _dialogue(self, conn, f):
        if self.misbehave.get("garbage_greeting"):
            conn.sendall(b"this is not smtp\r\n")
            return
        self._send(conn, self.greeting)
        if not self.greeting.startswith("220"):
            f.readline()
            return
        mail, rcpts = None, []
        while True:
            line = f.readline()
            if not line:
                return
            self.reads.append(line)
            cmd = line.rstrip(b"\r\n").decode("utf-8", "replace")
            self.commands.append(cmd)
            verb = cmd.split(" ", 1)[0].upper()
            if verb == "EHLO":
                self._ehlo(conn)
            elif verb == "HELO":
                self._send(conn, "250 peer.test")
            elif verb == "STARTTLS" and self.tls_context:
                self._send(conn, "220 2.0.0 go ahead")
                conn = self.tls_context.wrap_socket(conn, server_side=True)
                self.tls_sessions += 1
                f = conn.makefile("rb")
            elif verb == "AUTH":
                self._auth(conn, f, cmd)
            elif verb == "MAIL":
                if self.misbehave.get("stall_at_mail"):
                    f.readline()
                    return
                mail, rcpts = cmd, []
                self._send(conn, self.misbehave.get("mail_reply", "250 2.1.0 ok"))
            elif verb == "RCPT":
                addr = cmd.split(":", 1)[1].split(">")[0].lstrip(" <")
                reply = self.rcpt_reply(addr)
                if reply.startswith("2"):
                    rcpts.append(cmd)
                self._send(conn, reply)
            elif verb == "DATA":
                if not rcpts:
                    self._send(conn, "554 5.5.1 no valid recipients")
                    continue
                self._send(conn, "354 go ahead")
                data = self._read_data(f)
                if data is None:
                    return
                self.messages.append((mail, rcpts, data))
                self._send(conn, self.misbehave.get("data_reply", "250 2.0.0 queued"))
            elif verb == "BDAT":
                size = int(cmd.split()[1])
                data = f.read(size)
                self.messages.append((mail, rcpts, data))
                self._send(conn, "250 2.0.0 queued")
            elif verb == "RSET":
                mail, rcpts = None, []
                self._send(conn, "250 2.0.0 ok")
            elif verb == "QUIT":
                self._send(conn, "221 2.0.0 bye")
                return
            else:
                self._send(conn, "502 5.5.2 unknown command")

    def _auth(self, conn, f, cmd):
        import base64
        parts = cmd.split()
        mech = parts[1].upper() if len(parts) > 1 else ""
        if mech == "PLAIN":
            blob = parts[2] if len(parts) > 2 else None
            if blob is None:
                self._send(conn, "334 ")
                blob = f.readline().strip().decode()
            fields = base64.b64decode(blob).split(b"\0")
            user, pw = fields[1].decode(), fields[2].decode()
        elif mech == "LOGIN":
            self._send(conn, "334 VXNlcm5hbWU6")
            user = base64.b64decode(f.readline().strip()).decode()
            self._send(conn, "334 UGFzc3dvcmQ6")
            pw = base64.b64decode(f.readline().strip()).decode()
        else:
            self._send(conn, "504 5.5.4 mechanism not supported")
            return
        if self.auth and (user, pw) == tuple(self.auth):
            self.authenticated.append(user)
            self._send(conn, "235 2.7.0 authenticated")
        else:
            self._send(conn, "535 5.7.8 bad credentials")

    def _read_data(self, f):
        out = b""
        while True:
            line = f.readline()
            if not line:
                return None
            if self.misbehave.get("drop_in_data"):
                return None
            if line == b".\r\n":
                return out
            if line.startswith(b".."):
                line = line[1:]
            out += line


def main():
    """Runs a peer until killed, for shell tests: writes its port to
    --port-file, each message to --dump DIR/N.eml and the number of
    connections to DIR/connections; --reply LOCAL=REPLY answers RCPT for
    that local part."""
    import argparse
    import os
    import time
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--dump", required=True)
    ap.add_argument("--reply", action="append", default=[])
    args = ap.parse_args()
    replies = dict(r.split("=", 1) for r in args.reply)
    peer = Peer(rcpt_reply=lambda addr: replies.get(addr.split("@")[0], "250 2.1.5 ok"))
    with open(args.port_file + ".tmp", "w") as f:
        f.write("%d\n" % peer.port)
    os.rename(args.port_file + ".tmp", args.port_file)
    written = 0
    while True:
        while written < len(peer.messages):
            mail, rcpts, data = peer.messages[written]
            with open(os.path.join(args.dump, "%d.eml" % written), "wb") as f:
                f.write(("X-Peer-Mail: %s\r\nX-Peer-Rcpts: %s\r\n" % (mail, " ".join(rcpts))).encode() + data)
            written += 1
        with open(os.path.join(args.dump, "connections"), "w") as f:
            f.write("%d\n" % peer.connections)
        time.sleep(0.05)


if __name__ == "__main__":
    main()
