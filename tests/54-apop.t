#!/usr/bin/python3
"""APOP (RFC 1939 section 7): the apoppw secret in userdb and only in
userdbshadow.cdb, authcheck's AUTHCHECK_MECH=APOP on fd 3, and logins
through tcpserver ... pop3-login authcheck pop3d with python's poplib,
fetchmail and mpop; wrong digests, accounts without a secret, unknown
users and replayed digests are refused and the session goes on."""
import hashlib
import os
import poplib
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from pop3test import Pop3Root, Raw, have, PASSWORD  # noqa: E402

if not have("pop3-login", "pop3d", "authcheck", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP authcheck and the userdb tools are not built")
    sys.exit(0)

SECRET = "apop-only-s3cret"

t = Tap()
root = Pop3Root()


def userdb(*args, input=None):
    r = root.run(root.c("userdb"), *args, input=input, env=root.env)
    assert r.returncode == 0, r.stderr
    return r


def makeuserdb():
    r = root.run(root.c("makeuserdb"), env=root.env)
    assert r.returncode == 0, r.stderr


md = root.account("demo")
root.account("noapop")
root.account("empty")
root.account("nopop", options="disablepop3=1")
userdb("demo", "set", "apoppw", input=(SECRET + "\n").encode())
userdb("nopop", "set", "apoppw", input=(SECRET + "\n").encode())
userdb("empty", "set", "apoppw", input=b"\n")
makeuserdb()


def digest(stamp, secret=SECRET):
    return hashlib.md5((stamp + secret).encode()).hexdigest()


def auth(fd3, args=("-c",), mech="APOP", service="pop3"):
    e = dict(root.env, AUTHCHECK_SERVICE=service)
    if mech:
        e["AUTHCHECK_MECH"] = mech
    p = root.run("sh", "-c", 'exec "$0" "$@" 3<&0 </dev/null', root.c("authcheck"), *args, input=fd3, env=e)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def creds(*fields):
    return b"".join(f.encode() + b"\0" for f in fields)


def mint():
    """A timestamp from authcheck -C: the only kind authcheck accepts,
    each once."""
    p = root.run(root.c("authcheck"), "-C", "dbc.example.test", env=root.env)
    assert p.returncode == 0, p.stderr
    return p.stdout.decode().strip()


def apop(user, secret=SECRET, stamp=None):
    stamp = stamp or mint()
    return creds(user, stamp, digest(stamp, secret))


# The secret stays out of the world-readable table.
pub = subprocess.run(["cdb", "-d", root.p("etc", "userdb.cdb")], capture_output=True)
t.ok(pub.returncode == 0 and b"demo" in pub.stdout, "cdb -d userdb.cdb lists the account", pub.stderr)
t.ok(b"apoppw" not in pub.stdout and SECRET.encode() not in pub.stdout, "userdb.cdb holds no apoppw", pub.stdout)
shadow = subprocess.run(["cdb", "-d", root.p("etc", "userdbshadow.cdb")], capture_output=True)
t.ok(("apoppw=" + SECRET).encode() in shadow.stdout, "userdbshadow.cdb holds it")
t.is_(os.stat(root.p("etc", "userdbshadow.cdb")).st_mode & 0o777, 0o600, "userdbshadow.cdb is mode 600")
t.is_(os.stat(root.p("etc", "userdb.cdb")).st_mode & 0o777, 0o644, "userdb.cdb is mode 644")

# authcheck on its own: fd 3 is login, timestamp, digest.
code, _, err = auth(apop("demo"))
t.is_(code, 0, "authcheck APOP: the right digest")
t.like(err, r"login ok service=pop3 user=demo module=authuserdb", "logged as a login")
STAMP = mint()
t.is_(auth(creds("demo", STAMP, digest(STAMP).upper()))[0], 0, "upper-case hex digest")
STAMP = mint()
code, _, err = auth(apop("demo", "wrong", STAMP))
t.is_(code, 1, "a wrong digest: 1")
t.ok(SECRET not in err and digest(STAMP, "wrong") not in err and "reason=bad-credentials" in err,
     "the refusal is logged without secret or digest", err)
STAMP = mint()
t.is_(auth(creds("demo", mint(), digest(STAMP)))[0], 1, "a digest made for another timestamp: 1")
t.is_(auth(apop("demo", stamp=STAMP))[0], 0, "and the right one for its own")
t.is_(auth(apop("demo", stamp=STAMP))[0], 1, "but once only")
rfc = "<1896.697170952@dbc.mtview.ca.us>"
code, _, err = auth(creds("demo", rfc, digest(rfc)))
t.ok(code == 1 and "reason=forged-challenge" in err, "RFC 1939's timestamp, not minted by authcheck, is refused", err)
t.is_(auth(apop("demo", PASSWORD))[0], 1, "the login password is not the APOP secret")
t.is_(auth(apop("noapop", PASSWORD))[0], 1, "an account without apoppw: 1")
t.is_(auth(apop("empty", ""))[0], 1, "an empty apoppw matches nothing")
t.is_(auth(apop("nobody-here"))[0], 1, "an unknown user: 1")
code, _, err = auth(apop("nopop"))
t.ok(code == 1 and "reason=account-option" in err, "disablepop3 refuses APOP too", err)
t.is_(auth(apop("nopop"), service="imap")[0], 0, "the same account for another service")
t.is_(auth(creds("demo", "", digest(STAMP)))[0], 1, "an empty timestamp: 1")
t.is_(auth(creds("demo", mint()))[0], 1, "no digest: 1")
t.is_(auth(apop("demo"), args=("-p",))[0], 100, "no password change with APOP")
code, out, err = auth(apop("demo"), args=("/bin/sh", "-c", 'echo "$(id -u) $USER"; pwd'))
t.is_(out.split("\n")[:2], ["%d demo" % root.uid, os.path.dirname(md)], "APOP execs the program as the account")

# Only authuserdb holds an APOP secret: a passwd account is refused.
root.write("etc/passwd", "sysuser:{MD5RAW}%s:%d:%d::%s:/bin/sh\n"
           % (hashlib.md5(SECRET.encode()).hexdigest(), root.uid, root.gid, os.path.dirname(md)))
root.write("etc/authdaemonrc", 'authmodulelist="authuserdb authpwd"\nAUTHFAILDELAY=0\nAUTHPWD_PASSWD=%s\n'
           % root.p("etc/passwd"))
t.is_(auth(creds("sysuser", SECRET), mech="PLAIN")[0], 0, "authpwd account: its password works")
t.is_(auth(apop("sysuser"))[0], 1, "authpwd account: APOP refused")
t.is_(auth(apop("demo"))[0], 0, "userdb account with authpwd listed too")
root.write("etc/authdaemonrc", 'authmodulelist="authuserdb"\nAUTHFAILDELAY=0\n')

# Through pop3-login.
for i in range(3):
    root.deliver_local(md, b"From: a@example.test\nSubject: apop %d\n\nbody %d\n" % (i, i))
port = root.start_pop3(env={"POP3AUTH": "PLAIN CRAM-MD5 APOP"})

p = poplib.POP3("127.0.0.1", port, timeout=10)
stamp = re.search(rb"<[^>]*>", p.getwelcome()).group(0).decode()
t.like(stamp, r"^<[0-9a-f]{16}\.\d+\.[0-9a-f]{32}@[^>]+>$", "the greeting's timestamp: <random.clock.mac@host>")
t.like(p.apop("demo", SECRET).decode(), r"^\+OK", "poplib apop()")
t.is_(p.stat()[0], 3, "STAT after APOP")
t.ok(b"body 1" in b"\n".join(p.retr(2)[1]), "RETR after APOP")
p.quit()

p = poplib.POP3("127.0.0.1", port, timeout=10)
try:
    p.apop("demo", "not-the-secret")
    t.ok(False, "poplib apop() with a wrong secret")
except poplib.error_proto as e:
    t.like(str(e), r"-ERR \[AUTH\]", "poplib apop() with a wrong secret: -ERR [AUTH]")
t.like(p.user("demo").decode(), r"^\+OK", "the session goes on: USER")
t.like(p.pass_(PASSWORD).decode(), r"^\+OK", "and PASS logs in")
p.quit()

for user, secret, name in (("noapop", PASSWORD, "an account without apoppw"),
                           ("nobody-here", SECRET, "an unknown user"),
                           ("nopop", SECRET, "an account with disablepop3")):
    r = Raw(port)
    s = r.line().split()[-1]
    t.is_(r.cmd("APOP %s %s" % (user, digest(s, secret))), "-ERR [AUTH] Login failed.", name + ": -ERR [AUTH]")
    t.is_(r.cmd("NOOP"), "-ERR Not logged in.", name + ": the session goes on")
    r.close()

# A digest seen on the wire is worth nothing in another session.
r = Raw(port)
s1 = r.line().split()[-1]
d1 = digest(s1)
t.like(r.cmd("APOP demo " + d1), r"^\+OK", "APOP by hand")
r.cmd("QUIT")
r.close()
# What a compromised pop3-login (the daemon user) saw, replayed to
# authcheck with the same timestamp: used up.
replay = ["sh", "-c", 'exec "$0" -c 3<&0 </dev/null', root.c("authcheck")]
if os.geteuid() == 0:
    replay = ["setuidgid", "nobody"] + replay
p = subprocess.run(replay, input=creds("demo", s1, d1), capture_output=True,
                   env=dict(os.environ, POSTERN_HOME=root.path, **root.env, AUTHCHECK_MECH="APOP", AUTHCHECK_SERVICE="pop3"))
t.ok(p.returncode == 1 and b"reason=replayed-challenge" in p.stderr,
     "the sniffed APOP exchange replayed to authcheck by the daemon user is refused", p.stderr)
r = Raw(port)
s2 = r.line().split()[-1]
t.ok(s1 != s2, "each session has its own timestamp", (s1, s2))
t.is_(r.cmd("APOP demo " + d1), "-ERR [AUTH] Login failed.", "a replayed digest is refused")
t.like(r.cmd("APOP demo " + digest(s2)), r"^\+OK", "the fresh digest works")
r.cmd("QUIT")
r.close()
log = root.log(len(root.procs) - 1)
t.like(log, r"auth failed user=demo ip=127\.0\.0\.1 mech=APOP reason=bad credentials", "pop3-login logs the failure")
t.ok(SECRET not in log and d1 not in log, "no secret and no digest in the log")

# fetchmail, protocol APOP.
home = root.p("fm")
outdir = root.p("fm", "out")
os.makedirs(outdir)
mda = root.write("fm/mda", "#!/bin/sh\nexec cat > \"%s/$(date +%%s%%N).$$\"\n" % outdir, 0o755)


def fetchmail(secret):
    rc = root.write("fm/rc", "poll 127.0.0.1 service %d protocol apop:\n"
                    "  user demo password \"%s\" is root here mda \"%s\" keep\n" % (port, secret, mda), 0o600)
    r = subprocess.run(["fetchmail", "-f", rc, "-i", root.p("fm", "ids"), "--nosyslog", "-N", "--sslproto", "",
                        "--pidfile", root.p("fm", "pid")], capture_output=True, env=dict(os.environ, HOME=home),
                       timeout=60)
    return r.returncode, r.stdout.decode() + r.stderr.decode()


rc, out = fetchmail(SECRET)
t.ok(rc == 0, "fetchmail protocol apop", out)
t.is_(len(os.listdir(outdir)), 3, "fetchmail retrieved 3")
rc, out = fetchmail("wrong")
t.ok(rc == 3, "fetchmail with a wrong secret: authentication failed (3)", (rc, out))

# mpop, auth apop.
rc, out = root.mpop(port, "apop", password=SECRET)
t.ok(rc == 0, "mpop auth apop", out)
t.is_(len(os.listdir(root.p("mpop", "Maildir", "new"))), 3, "mpop retrieved 3")
rc, out = root.mpop(port, "apop", password="wrong")
t.ok(rc != 0 and "authentication" in out.lower(), "mpop with a wrong secret fails to authenticate", (rc, out))

# Without APOP in POP3AUTH: no timestamp, and APOP is not available.
port2 = root.start_pop3(env={"POP3AUTH": "PLAIN"})
r = Raw(port2)
t.is_(r.line(), "+OK Hello there.", "APOP not configured: no timestamp")
t.is_(r.cmd("APOP demo " + d1), "-ERR APOP not available.", "APOP not configured: refused")
t.is_(r.cmd("NOOP"), "-ERR Not logged in.", "and the session goes on")
r.close()
