"""Shared set-up for the IMAP tests: a root with userdb accounts (as the
POP3 tests make them), imapd alone behind tcpserver (PREAUTH, as the
account) or the whole tcpserver ... imap-login authcheck imapd chain,
and a raw connection that reads tagged replies."""
import os
import pwd
import re
import socket
import subprocess

from postern import free_port
from pop3test import Pop3Root, have, PASSWORD  # noqa: F401


def _bases(md):
    out = {}
    for sub in ("new", "cur"):
        for n in os.listdir(os.path.join(md, sub)):
            out[n.split(":")[0]] = sub
    return out


class ImapRoot(Pop3Root):
    def deliver(self, md, body):
        """Delivers body into the maildir md through postern's local
        delivery program when it is built (else as a maildir delivery
        writes: tmp/, then new/), and returns the bytes stored. A running
        imapd may move the file to cur/ at once: both are looked at."""
        before = _bases(md)
        if have("local"):
            home = os.path.dirname(md)
            self.counter += 1
            args = [self.c("local"), "user", "imaptest%d" % self.counter, "sender@example.test",
                    "demo@example.test", "demo", home, "", md, ""]
            if self.as_root:
                args = ["setuidgid", pwd.getpwuid(self.uid).pw_name] + args
            src = self.write("var/message-in", "")
            with open(src, "wb") as f:
                f.write(body)
            e = dict(os.environ, POSTERN_HOME=self.path, **self.env)
            with open(src, "rb") as f:
                r = subprocess.run(args, stdin=f, env=e, capture_output=True)
            assert r.returncode == 0, r.stdout + r.stderr
        else:
            self.counter += 1
            base = "%d.M%dP%dQ%d.testhost" % (1700000000 + self.counter, self.counter, os.getpid(), self.counter)
            tmp = os.path.join(md, "tmp", base)
            with open(tmp, "wb") as f:
                f.write(body)
            name = "%s,S=%d" % (base, len(body))
            os.link(tmp, os.path.join(md, "new", name))
            os.unlink(tmp)
            if self.as_root:
                os.chown(os.path.join(md, "new", name), self.uid, self.gid)
        for attempt in range(50):
            new = {b: sub for b, sub in _bases(md).items() if b not in before}
            for b in new:
                for sub in ("new", "cur"):
                    for n in os.listdir(os.path.join(md, sub)):
                        if n.split(":")[0] == b:
                            try:
                                with open(os.path.join(md, sub, n), "rb") as f:
                                    return f.read()
                            except OSError:
                                pass
        raise AssertionError("delivered message not found")

    def ids(self, who):
        if not self.as_root:
            return []
        if who == "account":
            return ["-u", str(self.uid), "-g", str(self.gid)]
        nb = pwd.getpwnam("nobody")
        return ["-u", str(nb.pw_uid), "-g", str(nb.pw_gid)]

    def start_imapd(self, md, env=None):
        """imapd alone, already authenticated (PREAUTH), as the account."""
        port = free_port()
        e = dict(self.env)
        e.update({"MAILDIR": md, "USER": "demo"})
        if env:
            e.update(env)
        args = ["tcpserver", "-HRl0"] + self.ids("account") + ["127.0.0.1", str(port), self.c("imapd")]
        self.start(args, env=e, port=port)
        return port

    def start_imap(self, env=None, pre=(), ids=None):
        """tcpserver ... imap-login authcheck imapd, imap-login as nobody
        (ids: other tcpserver -u/-g arguments, [] for none)."""
        port = free_port()
        e = dict(self.env)
        e.update({"IMAP_CAPABILITY_TLS": "", "IMAP_LOGIN_TIMEOUT": "5"})
        if env:
            e.update(env)
        args = ["tcpserver", "-HRl0"] + (self.ids("daemon") if ids is None else ids) + \
               ["127.0.0.1", str(port)] + list(pre) + [self.c("imap-login"), "authcheck", self.c("imapd")]
        self.start(args, env=e, port=port)
        return port

    def path_files(self, md, sub):
        return sorted(os.listdir(os.path.join(md, sub)))


class Raw:
    """A hand-driven IMAP connection, as with telnet."""

    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), 10)
        self.f = self.s.makefile("rb")
        self.n = 0

    def line(self):
        return self.f.readline().decode("latin-1").rstrip("\r\n")

    def send(self, data):
        self.s.sendall(data if isinstance(data, bytes) else data.encode("latin-1"))

    def until_tagged(self, tag):
        """Lines up to and including the tagged one, literals inline."""
        out = []
        while True:
            raw = self.f.readline()
            if not raw:
                out.append("<EOF>")
                return out
            ln = raw.decode("latin-1")
            while True:
                m = re.search(r"\{(\d+)\}\r\n$", ln)
                if not m:
                    break
                ln += self.f.read(int(m.group(1))).decode("latin-1")
                ln += self.f.readline().decode("latin-1")
            ln = ln.rstrip("\r\n")
            out.append(ln)
            if ln.startswith(tag + " "):
                return out

    def cmd(self, text, tag=None):
        """Sends "tag text"; returns (untagged lines, tagged line)."""
        self.n += 1
        tag = tag or "t%d" % self.n
        self.send("%s %s\r\n" % (tag, text))
        lines = self.until_tagged(tag)
        return lines[:-1], lines[-1]

    def close(self):
        """Really closes: the file object holds the socket open too."""
        try:
            self.s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.f.close()
        self.s.close()
