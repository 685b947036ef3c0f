"""Helpers for the mail-receiving tests: a root with the queue, domain
tables and access rules, and smtpd started by smtpd-run under tcpserver."""

import os
import pwd
import socket
import subprocess
import time

from postern import TOP, Root, command, free_port, wait_port

AS_ROOT = os.geteuid() == 0
USER = "nobody" if AS_ROOT else pwd.getpwuid(os.getuid()).pw_name


def make_cdb(path, entries):
    """Writes a cdb with tinycdb from {key: value} (bytes or str)."""
    data = b""
    for k, v in entries.items():
        k = k.encode() if isinstance(k, str) else k
        v = v.encode() if isinstance(v, str) else v
        data += b"+%d,%d:%s->%s\n" % (len(k), len(v), k, v)
    subprocess.run(["cdb", "-c", path], input=data + b"\n", check=True)


def make_rules(path, text):
    """Compiles tcprules access rules (what makesmtpaccess produces)."""
    subprocess.run(["tcprules", path, path + ".tmp"], input=text.encode(), check=True)


class Mailroot(Root):
    """A root ready to receive mail for example.test (local) and
    hosted.test (hosted), with accounts and aliases."""

    def __init__(self, esmtpd=None):
        super().__init__()
        self.write("etc/users", "DAEMONUSER=%s\nQUEUEUSER=%s\nMAILUSER=%s\n" % (USER, USER, USER))
        self.write("etc/me", "example.test\n")
        with open(os.path.join(TOP, "package", "etc", "esmtpd")) as f:
            conf = f.read()
        conf += "ESMTPAUTH='PLAIN LOGIN CRAM-MD5'\nESMTP_STARTTLS=NO\n" + (esmtpd or "")
        self.write("etc/esmtpd", conf)
        r = self.run(command("queue-init"))
        if r.returncode != 0:
            raise RuntimeError(r.stderr.decode())
        pw = pwd.getpwnam(USER)
        ids = "uid=%d|gid=%d|home=%s" % (pw.pw_uid, pw.pw_gid, self.p("var"))
        make_cdb(self.p("etc", "locals.cdb"), {"example.test": "", "localhost": ""})
        make_cdb(self.p("etc", "hosteddomains.cdb"), {"hosted.test": "", "alias.test": "hosted.test"})
        make_cdb(self.p("etc", "esmtpacceptmailfor.cdb"),
                 {"example.test": "", "backup.test": "", "localhost": ""})
        make_cdb(self.p("etc", "userdb.cdb"), {"demo@hosted.test": ids, "fred": ids})
        make_cdb(self.p("etc", "aliases.cdb"), {"info@hosted.test": "demo@hosted.test\0",
                                                "staff": "fred\0"})
        self.write("etc/authdaemonrc", "authmodulelist=\"authuserdb authpwd\"\n")
        make_rules(self.p("etc", "smtpaccess.cdb"),
                   '127.0.0.1:allow,RELAYCLIENT=""\n:allow\n')

    def start_smtpd(self, conf="esmtpd", env=None):
        port = free_port()
        e = {"POSTERN_SMTP_PORT": str(port), "POSTERN_SUBMISSION_PORT": str(port)}
        if env:
            e.update(env)
        self.start([command("smtpd-run"), conf, "POSTERN_SMTP_PORT"], env=e, port=port)
        return port

    def queued(self):
        """{id: (envelope records, message bytes)} of live messages."""
        out = {}
        envdir = self.p("queue", "env")
        for qid in sorted(os.listdir(envdir)):
            with open(os.path.join(envdir, qid), "rb") as f:
                env = f.read().split(b"\0")
            with open(self.p("queue", "mess", qid), "rb") as f:
                out[qid] = (env, f.read())
        return out

    def leftovers(self):
        """Files in tmp/ and messages without envelopes: should be none."""
        tmp = os.listdir(self.p("queue", "tmp"))
        mess = set(os.listdir(self.p("queue", "mess"))) - set(os.listdir(self.p("queue", "env")))
        return sorted(tmp) + sorted(mess)


class Raw:
    """A bare SMTP connection for what smtplib will not send."""

    def __init__(self, port, source=None, timeout=10):
        self.s = socket.create_connection(("127.0.0.1", port), timeout,
                                          source_address=(source, 0) if source else None)
        self.f = self.s.makefile("rb")

    def send(self, data):
        self.s.sendall(data.encode() if isinstance(data, str) else data)

    def reply(self):
        lines = []
        while True:
            line = self.f.readline()
            if not line:
                return None
            lines.append(line.decode("utf-8", "replace").rstrip("\r\n"))
            if len(line) < 4 or line[3:4] != b"-":
                return "\n".join(lines)

    def cmd(self, line):
        self.send(line + "\r\n")
        return self.reply()

    def close(self):
        self.f.close()
        self.s.close()
