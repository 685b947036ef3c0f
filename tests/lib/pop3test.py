"""Shared set-up for the POP3 tests: a root with a userdb account whose
maildir is filled the way a maildir delivery fills it, and the
tcpserver ... pop3-login authcheck pop3d chain on a free port."""
import os
import pwd
import shutil
import socket
import stat
import subprocess

from postern import Root, command, free_port

PASSWORD = "demo-pass"


def have(*names):
    return all(os.access(command(n), os.X_OK) for n in names)


class Pop3Root(Root):
    def __init__(self):
        super().__init__()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            # A private command/ where authcheck can be setuid root, as
            # package/run installs it.
            cmd = self.p("command")
            if os.path.islink(cmd):
                os.unlink(cmd)
                shutil.copytree(os.path.realpath(command(".")), cmd)
            os.chmod(cmd, 0o755)
            os.chmod(os.path.join(cmd, "authcheck"), 0o4755)
            self.cmd_dir = cmd
            acct = pwd.getpwnam("mail")
            self.uid, self.gid = acct.pw_uid, acct.pw_gid
            os.chmod(self.p("var"), 0o755)
        else:
            self.cmd_dir = os.path.realpath(command("."))
            self.uid, self.gid = os.getuid(), os.getgid()
        self.env = {"POSTERN_COMMAND_DIR": self.cmd_dir}
        self.write("etc/authdaemonrc", "authmodulelist=\"authuserdb\"\nAUTHFAILDELAY=0\n")
        self.counter = 0

    def c(self, name):
        return os.path.join(self.cmd_dir, name)

    def account(self, name, password=PASSWORD, options=None):
        home = self.p("var", "mail", name)
        md = os.path.join(home, "Maildir")
        for d in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(md, d), exist_ok=True)
        fields = ["home=" + home, "uid=%d" % self.uid, "gid=%d" % self.gid]
        if options:
            fields.append("options=" + options)
        r = self.run(self.c("userdb"), name, "set", *fields, env=self.env)
        assert r.returncode == 0, r.stderr
        for how, field in (("-sha512", "systempw"), ("-hmac-md5", "hmac-md5pw")):
            h = self.run(self.c("userdbpw"), how, input=(password + "\n").encode(), env=self.env)
            assert h.returncode == 0, h.stderr
            r = self.run(self.c("userdb"), name, "set", field, input=h.stdout, env=self.env)
            assert r.returncode == 0, r.stderr
        r = self.run(self.c("makeuserdb"), env=self.env)
        assert r.returncode == 0, r.stderr
        self.chown(home)
        return md

    def chown(self, path):
        if not self.as_root:
            return
        os.chmod(os.path.dirname(path), 0o755)
        for dirpath, dirs, files in os.walk(path):
            os.chown(dirpath, self.uid, self.gid)
            for f in files:
                os.chown(os.path.join(dirpath, f), self.uid, self.gid)

    def deliver(self, md, body):
        """Writes body into the maildir md the way a maildir delivery does
        (tmp/, then new/ with ,S=) and returns the bytes stored."""
        self.counter += 1
        base = "%d.M%dP%dQ%d.testhost" % (1700000000 + self.counter, self.counter, os.getpid(), self.counter)
        tmp = os.path.join(md, "tmp", base)
        with open(tmp, "wb") as f:
            f.write(body)
        final = os.path.join(md, "new", "%s,S=%d" % (base, len(body)))
        os.link(tmp, final)
        os.unlink(tmp)
        if self.as_root:
            os.chown(final, self.uid, self.gid)
        return body

    def deliver_local(self, md, body):
        """Delivers body to md through postern's local delivery program
        when it is built (it adds Return-Path: and Delivered-To:), else as
        deliver() does; returns the bytes stored."""
        if not have("local"):
            return self.deliver(md, body)
        before = set(os.listdir(os.path.join(md, "new")))
        self.counter += 1
        args = [self.c("local"), "user", "test%d" % self.counter, "sender@example.test",
                "demo@example.test", "demo", os.path.dirname(md), "", md, ""]
        if self.as_root:
            args = ["setuidgid", pwd.getpwuid(self.uid).pw_name] + args
        # local reads the message from a seekable file, as the queue gives it.
        src = self.write("var/message-in", "")
        with open(src, "wb") as f:
            f.write(body)
        e = dict(os.environ, POSTERN_HOME=self.path, **self.env)
        with open(src, "rb") as f:
            r = subprocess.run(args, stdin=f, env=e, capture_output=True)
        assert r.returncode == 0, r.stdout + r.stderr
        new = set(os.listdir(os.path.join(md, "new"))) - before
        assert len(new) == 1, new
        with open(os.path.join(md, "new", new.pop()), "rb") as f:
            return f.read()

    def mpop(self, port, auth, keep=True, password=PASSWORD):
        """Runs mpop once for the account demo, delivering into the
        maildir mpop/Maildir with its UIDL file beside it; returns
        (exit code, output)."""
        md = self.p("mpop", "Maildir")
        for d in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(md, d), exist_ok=True)
        conf = self.write("mpop/conf", "account default\nhost 127.0.0.1\nport %d\nuser demo\npassword %s\n"
                          "auth %s\ntls off\nkeep %s\nuidls_file %s\ndelivery maildir %s\n"
                          % (port, password, auth, "on" if keep else "off", self.p("mpop", "uidls"), md), 0o600)
        r = subprocess.run(["mpop", "-C", conf, "-q"], capture_output=True, timeout=60)
        return r.returncode, r.stdout.decode() + r.stderr.decode()

    def start_pop3(self, env=None, pre=()):
        port = free_port()
        e = dict(self.env)
        e.update({"POP3AUTH": "PLAIN LOGIN CRAM-MD5", "POP3_LOGIN_TIMEOUT": "5"})
        if env:
            e.update(env)
        ids = []
        if self.as_root:
            ids = ["-u", str(pwd.getpwnam("nobody").pw_uid), "-g", str(pwd.getpwnam("nobody").pw_gid)]
        args = ["tcpserver", "-HRl0"] + ids + ["127.0.0.1", str(port)] + list(pre) + \
               [self.c("pop3-login"), "authcheck", self.c("pop3d")]
        self.start(args, env=e, port=port)
        return port


def listed_sizes(md):
    """What LIST should say for the messages in new/ and cur/: ,W= when
    the name has it, else ,S=."""
    import re
    out = {}
    for sub in ("new", "cur"):
        for n in os.listdir(os.path.join(md, sub)):
            base = n.split(":")[0]
            m = re.search(r",W=(\d+)", base) or re.search(r",S=(\d+)", base)
            out[base] = int(m.group(1))
    return [out[k] for k in sorted(out)]


def children(ppid):
    """The pids whose parent is ppid (the sessions of a tcpserver)."""
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == ppid:
                        out.append(int(d))
            except OSError:
                pass
    return out


class Raw:
    """A hand-driven POP3 connection, as with telnet."""

    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), 10)
        self.f = self.s.makefile("rb")

    def line(self):
        return self.f.readline().decode("latin-1").rstrip("\r\n")

    def send(self, data):
        self.s.sendall(data if isinstance(data, bytes) else data.encode())

    def cmd(self, text):
        self.send(text + "\r\n")
        return self.line()

    def multi(self):
        return [ln.decode("latin-1").rstrip("\r\n") for ln in self.multi_raw()]

    def multi_raw(self):
        """A multi-line reply's lines as sent, CRLF and dot-stuffing kept."""
        lines = []
        while True:
            ln = self.f.readline()
            if ln in (b".\r\n", b""):
                return lines
            lines.append(ln)

    def close(self):
        self.f.close()
        self.s.close()
