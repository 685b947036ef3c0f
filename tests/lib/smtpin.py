"""Helpers for the mail-receiving tests: a root with the queue, domain
tables and access rules, and smtpd started by smtpd-run under tcpserver."""

import os
import pwd
import shutil
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
        self.cmd_dir = os.path.realpath(command("."))
        if AS_ROOT:
            # A private command/ where authcheck is setuid root, as the
            # demo installs it (smtpd runs as nobody).
            cmd = self.p("command")
            if os.path.islink(cmd):
                os.unlink(cmd)
                shutil.copytree(self.cmd_dir, cmd)
            os.chmod(cmd, 0o755)
            os.chmod(os.path.join(cmd, "authcheck"), 0o4755)
            self.cmd_dir = cmd
        self.write("etc/users", "DAEMONUSER=%s\nQUEUEUSER=%s\nMAILUSER=%s\n" % (USER, USER, USER))
        self.write("etc/me", "example.test\n")
        with open(os.path.join(TOP, "package", "etc", "esmtpd")) as f:
            conf = f.read()
        # MAXPERIP off: tests and benchmarks open many sessions from
        # 127.0.0.1 at once (38-maxperip sets it back).
        conf += "ESMTPAUTH='PLAIN LOGIN CRAM-MD5'\nESMTP_STARTTLS=NO\nMAXPERIP=0\nADDRESS=127.0.0.1\n" + (esmtpd or "")
        self.write("etc/esmtpd", conf)
        r = self.run(command("queue-init"))
        if r.returncode != 0:
            raise RuntimeError(r.stderr.decode())
        self.write("etc/locals", "localhost\n")
        self.write("etc/hosteddomains", "hosted.test\nalias.test\thosted.test\n")
        self.write("etc/esmtpacceptmailfor.dir/test", "example.test\nbackup.test\nlocalhost\n")
        self.write("etc/aliases/test", "info@hosted.test: demo@hosted.test\nstaff: fred\n")
        self.write("etc/smtpaccess/test", "127.0.0.1\tallow,RELAYCLIENT\n")
        for tool in ("makealiases", "makehosteddomains", "makeacceptmailfor", "makesmtpaccess"):
            self.tool(tool)
        self.write("etc/authdaemonrc", 'authmodulelist="authuserdb authpwd"\nAUTHFAILDELAY=0\n')
        self.add_account("demo@hosted.test", "demo")
        self.add_account("fred", "fredpw")
        self.tool("makeuserdb")

    def tool(self, *args, input=None):
        r = self.run(command(args[0]), *args[1:], input=input)
        if r.returncode != 0:
            raise RuntimeError("%s: %s" % (args[0], r.stderr.decode()))
        return r.stdout

    def add_account(self, name, password):
        pw = pwd.getpwnam(USER)
        self.tool("userdb", name, "set", "home=" + self.p("var"), "uid=%d" % pw.pw_uid, "gid=%d" % pw.pw_gid)
        for kind, field in (("-sha512", "systempw"), ("-hmac-md5", "hmac-md5pw")):
            hashed = self.tool("userdbpw", kind, input=(password + "\n").encode())
            self.tool("userdb", name, "set", field, input=hashed)

    def start_smtpd(self, conf="esmtpd", env=None):
        port = free_port()
        e = {"POSTERN_SMTP_PORT": str(port), "POSTERN_SUBMISSION_PORT": str(port),
             "POSTERN_COMMAND_DIR": self.cmd_dir}
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
