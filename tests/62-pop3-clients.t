#!/usr/bin/python3
"""Real POP3 clients against tcpserver ... pop3-login authcheck pop3d:
curl pop3://, fetchmail (keep, then flush, UIDLs tracked across runs)
and mpop (keep with its UIDL file, then delete)."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from pop3test import Pop3Root, have, PASSWORD  # noqa: E402

if not have("pop3-login", "pop3d", "authcheck", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP authcheck and the userdb tools are not built")
    sys.exit(0)

t = Tap()
root = Pop3Root()
md = root.account("demo")
sent = [b"From: a@example.test\nSubject: m%d\n\nbody %d\n.leading dot\n" % (i, i) for i in range(3)]
sent.append(b"Subject: crlf\r\n\r\nwindows\r\n")
bodies = [root.deliver_local(md, b) for b in sent]
port = root.start_pop3()
url = "pop3://127.0.0.1:%d/" % port


def curl(*args):
    r = subprocess.run(["curl", "-s", "-S", "--max-time", "10", "-u", "demo:" + PASSWORD] + list(args),
                       capture_output=True)
    return r.returncode, r.stdout.decode("latin-1"), r.stderr.decode()


# curl
rc, out, err = curl(url)
t.ok(rc == 0, "curl LIST", err)
t.is_(len(out.strip().splitlines()), 4, "curl lists 4 messages")
rc, out, err = curl(url + "1")
t.is_(out.replace("\r\n", "\n").encode(), bodies[0], "curl RETR 1: the message as delivered")
rc, out, err = curl(url + "4", "--login-options", "AUTH=PLAIN")
t.is_(out.encode(), re.sub(b"(?<!\r)\n", b"\r\n", bodies[3]), "curl AUTH=PLAIN RETR of a CRLF message")
rc, out, err = curl(url + "2", "--login-options", "AUTH=CRAM-MD5")
t.ok(rc == 0, "curl AUTH=CRAM-MD5", err)
t.ok(b"body 1" in out.encode(), "curl CRAM-MD5 RETR 2")
rc, out, err = curl(url, "--login-options", "AUTH=LOGIN", "-X", "UIDL")
t.like(out, r"^1 \S+\r\n2 \S+\r\n3 \S+\r\n4 \S+\r\n$", "curl AUTH=LOGIN, custom UIDL")
rc, out, err = curl("-X", "TOP 1 0", url)
t.ok("Subject: m0" in out and "body 0" not in out, "curl custom TOP 1 0", out)
rc, out, err = curl("-u", "demo:wrong", url)
t.ok(rc != 0, "curl with a bad password fails", (rc, err))

# fetchmail: keep, then again (nothing new), a new message, then flush.
home = root.p("fm")
os.makedirs(home)
outdir = root.p("fm", "out")
os.makedirs(outdir)
mda = root.write("fm/mda", "#!/bin/sh\nexec cat > \"%s/$(date +%%s%%N).$$\"\n" % outdir, 0o755)
idfile = root.p("fm", "ids")


def fetchmail(opts):
    rc = root.write("fm/rc", "poll 127.0.0.1 service %d protocol pop3 uidl:\n"
                    "  user demo password \"%s\" is root here mda \"%s\" %s\n" % (port, PASSWORD, mda, opts), 0o600)
    r = subprocess.run(["fetchmail", "-f", rc, "-i", idfile, "--nosyslog", "-N", "--sslproto", "",
                        "--pidfile", root.p("fm", "pid")], capture_output=True, env=dict(os.environ, HOME=home),
                       timeout=60)
    return r.returncode, r.stdout.decode() + r.stderr.decode()


def fetched():
    out = []
    for n in sorted(os.listdir(outdir)):
        with open(os.path.join(outdir, n), "rb") as f:
            out.append(f.read())
    return out


rc, log = fetchmail("keep")
t.ok(rc == 0, "fetchmail keep: got mail", log)
got = fetched()
t.is_(len(got), 4, "fetchmail keep: all 4 retrieved")
t.ok(all(b"body %d\n.leading dot\n" % i in b"".join(got) for i in range(3)), "fetchmail: dot-stuffing undone")
t.ok(all(any(re.split(b"\r?\n\r?\n", b, 1)[1].replace(b"\r", b"") in g.replace(b"\r", b"") for g in got) for b in bodies),
     "fetchmail: every body as delivered")
t.is_(len(os.listdir(os.path.join(md, "cur"))), 4, "keep: the server still has them")
rc, log = fetchmail("keep")
t.ok(rc == 1, "fetchmail keep again: no new mail (UIDLs remembered)", log)
t.is_(len(fetched()), 4, "nothing downloaded twice")
root.deliver_local(md, b"Subject: late\n\nlate\n")
rc, log = fetchmail("keep")
t.is_((rc, len(fetched())), (0, 5), "fetchmail keep: only the new message")
rc, log = fetchmail("flush")
t.is_(len(fetched()), 5, "flush: nothing new downloaded")
t.ok(os.listdir(os.path.join(md, "cur")) + os.listdir(os.path.join(md, "new")) == [],
     "fetchmail flush: the server's copies removed", log)

# mpop: keep with its UIDL file, then delete.
for i in range(3):
    root.deliver_local(md, b"Subject: mpop %d\n\nx\n" % i)
mpop_md = root.p("mpop", "Maildir")


def mpop(keep):
    return root.mpop(port, "plain", keep)


rc, log = mpop(True)
t.ok(rc == 0, "mpop keep", log)
t.is_(len(os.listdir(os.path.join(mpop_md, "new"))), 3, "mpop retrieved 3")
rc, log = mpop(True)
t.ok((rc, len(os.listdir(os.path.join(mpop_md, "new")))) == (0, 3), "mpop again: UIDLs known, nothing new", log)
rc, log = mpop(False)
t.ok(rc == 0, "mpop without keep", log)
t.is_(len(os.listdir(os.path.join(md, "cur"))), 0, "mpop deleted the server's copies")
t.is_(len(os.listdir(os.path.join(mpop_md, "new"))), 3, "and downloaded nothing twice")
